// The background's labelling service over a fake port: labels equal labelThread's, batch by
// batch in order; kept labels are used as parents; bad or out-of-order input ends the job.
import { expect, test } from 'vitest';
import { serveLabels } from '../../../src/background/label-service';
import type { LabelReply, WireComment } from '../../../src/background/label-messages';
import { labelThread, StanceEngine } from '../../../src/stance/index';
import type { StanceLabel, Thread } from '../../../src/parser/types';
import { FakePort, portPair, sampleThread } from './fake-port';

const engine = new StanceEngine();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Lets every message in flight (and the answers they cause) arrive. */
async function tick(): Promise<void> {
  for (let i = 0; i < 10; i++) await sleep(2);
}

function serve(): { client: FakePort; replies: LabelReply[]; engines: () => number } {
  const [client, service] = portPair();
  const replies: LabelReply[] = [];
  client.onMessage.addListener((m) => replies.push(m as LabelReply));
  let made = 0;
  serveLabels(service, () => (made++, engine));
  return { client, replies, engines: () => made };
}

function wire(t: Thread, from: number, to: number, kept: Array<StanceLabel | null | undefined> = []): WireComment[] {
  return t.comments.slice(from, to).map((c, k) => {
    const w: WireComment = { id: c.id, text: c.text };
    if (c.parentId) w.parentId = c.parentId;
    if (c.placeholder) w.placeholder = c.placeholder;
    const kk = kept[from + k];
    if (kk !== undefined) w.kept = kk;
    return w;
  });
}

const labelsOf = (rs: LabelReply[]) => rs.flatMap((r) => (r.type === 'lens:labels' ? r.labels : []));

test('labels arrive per batch, in order, equal to labelThread', async () => {
  const t = sampleThread(700);
  const { client, replies } = serve();
  client.postMessage({ type: 'lens:job', job: 1, total: 700, article: t.article });
  for (let from = 0; from < 700; from += 300) client.postMessage({ type: 'lens:comments', job: 1, from, comments: wire(t, from, Math.min(700, from + 300)) });
  await tick();
  expect(replies.map((r) => (r.type === 'lens:labels' ? [r.from, r.labels.length] : r.type))).toEqual([[0, 300], [300, 300], [600, 100]]);
  expect(labelsOf(replies)).toEqual(JSON.parse(JSON.stringify(labelThread(t, engine))));
});

test('warm builds the engine and says ready', async () => {
  const { client, replies, engines } = serve();
  client.postMessage({ type: 'lens:warm' });
  await tick();
  expect(replies).toEqual([{ type: 'lens:ready' }]);
  expect(engines()).toBe(1);
});

test('kept comments come back as null and still serve as parents', async () => {
  const t = sampleThread(200);
  const all = labelThread(t, engine);
  // The first 150 were labelled before; a reply among the rest reads its parent's kept label.
  const parents = new Set(t.comments.slice(150).map((c) => c.parentId));
  const kept = t.comments.map((c, i) => (i < 150 ? (parents.has(c.id) ? all[i]! : null) : undefined));
  const withText = wire(t, 0, 200, kept).map((w) => (w.kept === null ? { ...w, text: '' } : w));
  const { client, replies } = serve();
  client.postMessage({ type: 'lens:job', job: 4, total: 200, article: t.article });
  client.postMessage({ type: 'lens:comments', job: 4, from: 0, comments: withText });
  await tick();
  const got = labelsOf(replies);
  expect(got.slice(0, 150).every((l) => l === null)).toBe(true);
  expect(got.slice(150)).toEqual(JSON.parse(JSON.stringify(all.slice(150))));
  expect(t.comments.slice(150).some((c) => c.parentId && Number(c.parentId.slice(1)) <= 150)).toBe(true);
});

test('a batch out of order, beyond the total, or malformed ends the job with an error', async () => {
  const t = sampleThread(20);
  for (const bad of [
    { type: 'lens:comments', job: 1, from: 5, comments: wire(t, 5, 10) },
    { type: 'lens:comments', job: 1, from: 0, comments: [...wire(t, 0, 20), ...wire(t, 0, 1)] },
    { type: 'lens:comments', job: 1, from: 0, comments: [{ id: 'c1', text: 7 }] },
  ]) {
    const { client, replies } = serve();
    client.postMessage({ type: 'lens:job', job: 1, total: 20, article: t.article });
    client.postMessage(bad);
    // the job is gone: a correct batch now gets no answer
    client.postMessage({ type: 'lens:comments', job: 1, from: 0, comments: wire(t, 0, 20) });
    await tick();
    expect(replies).toEqual([{ type: 'lens:label-error', job: 1 }]);
  }
});

test('a replaced job\'s batches are ignored; the new job is answered', async () => {
  const t = sampleThread(30);
  const { client, replies } = serve();
  client.postMessage({ type: 'lens:job', job: 1, total: 30, article: t.article });
  client.postMessage({ type: 'lens:job', job: 2, total: 30, article: t.article });
  client.postMessage({ type: 'lens:comments', job: 1, from: 0, comments: wire(t, 0, 30) });
  client.postMessage({ type: 'lens:comments', job: 2, from: 0, comments: wire(t, 0, 30) });
  await tick();
  expect(replies.map((r) => r.type === 'lens:labels' && r.job)).toEqual([2]);
});

test('after a disconnect nothing more is labelled or sent', async () => {
  const t = sampleThread(10);
  const [client, service] = portPair();
  const posted: unknown[] = [];
  serveLabels({ ...service, onMessage: service.onMessage, onDisconnect: service.onDisconnect, postMessage: (m) => posted.push(m) }, () => engine);
  client.postMessage({ type: 'lens:job', job: 1, total: 10, article: t.article });
  await tick();
  service.deliver({ type: 'lens:comments', job: 1, from: 0, comments: wire(t, 0, 5) });
  expect(posted).toHaveLength(1);
  client.disconnect();
  await tick();
  service.deliver({ type: 'lens:comments', job: 1, from: 5, comments: wire(t, 5, 10) });
  service.deliver({ type: 'lens:warm' });
  expect(posted).toHaveLength(1);
});
