// The page's side of the refined pass: a thread beyond the port's bounds is never sent (the
// session then says "skipped" and keeps the fast labels); one within them is.
import { expect, test } from 'vitest';
import { RefineClient, request, type RefinePort } from '../../../src/content/refine-client';
import { MAX_REFINE_CHARS, MAX_REFINE_COMMENTS } from '../../../src/shared/refine-messages';
import type { StanceLabel, Thread } from '../../../src/parser/types';

const label: StanceLabel = { label: 'neutral', confidence: 0.5, cues: [] };
const thread = (n: number, text = 'A comment.'): Thread => ({
  article: { title: 'Bridge', paragraphs: ['The council approved a plan.'] },
  comments: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, author: 'a', text })),
});

function client() {
  const posted: unknown[] = [];
  let connects = 0;
  const port = { postMessage: (m: unknown) => posted.push(m), disconnect: () => {}, onMessage: { addListener: () => {} }, onDisconnect: { addListener: () => {} } };
  const c = new RefineClient(() => (connects++, port as unknown as RefinePort));
  return { c, posted, connects: () => connects };
}

test.each([
  ['more comments than the port carries', thread(MAX_REFINE_COMMENTS + 1)],
  ['more characters than the port carries', thread(Math.ceil(MAX_REFINE_CHARS / 10_000) + 1, 'x'.repeat(10_000))],
])('%s: unsent, nothing posted, no port opened', async (_name, t) => {
  const { c, posted, connects } = client();
  expect(request(1, { thread: t, labels: t.comments.map(() => label), order: [0] })).toBeNull();
  const outcome = await c.run({ thread: t, labels: t.comments.map(() => label), order: [0], onBatch: () => {}, signal: new AbortController().signal });
  expect(outcome).toBe('unsent');
  expect(posted).toEqual([]);
  expect(connects()).toBe(0);
});

test('a thread within the bounds is sent once, in one message', () => {
  const { c, posted } = client();
  const t = thread(MAX_REFINE_COMMENTS);
  void c.run({ thread: t, labels: t.comments.map(() => label), order: [0, 1], onBatch: () => {}, signal: new AbortController().signal });
  expect(posted).toHaveLength(1);
  expect(posted[0]).toMatchObject({ type: 'lens:refine', order: [0, 1] });
  c.close();
});
