// The background's labelling service over a fake port: labels equal labelThread's, batch by
// batch in order; kept labels are used as parents; bad or out-of-order input ends the job.
import { expect, test } from 'vitest';
import { serveLabels } from '../../../src/background/label-service';
import type { LabelReply, WireComment } from '../../../src/shared/label-messages';
import { labelThread, StanceEngine } from '../../../src/stance/index';
import type { StanceLabel, Thread } from '../../../src/parser/types';
import { LabelUnpacker } from '../../../src/shared/label-wire';
import { FakePort, portPair, sampleThread } from './fake-port';

const engine = new StanceEngine();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Lets every message in flight (and the answers they cause) arrive. */
async function tick(): Promise<void> {
  for (let i = 0; i < 10; i++) await sleep(2);
}

function serve(sizes = { firstReply: 300, reply: 300 }): { client: FakePort; replies: LabelReply[]; engines: () => number } {
  const [client, service] = portPair();
  const replies: LabelReply[] = [];
  client.onMessage.addListener((m) => replies.push(m as LabelReply));
  let made = 0;
  serveLabels(service, () => (made++, engine), sizes);
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

/** The replies' labels, unpacked as the page does (one table per job). */
function labelsOf(rs: LabelReply[]): Array<StanceLabel | null> {
  const table = new LabelUnpacker();
  return rs.flatMap((r) => (r.type === 'lens:labels' ? table.unpack(r.pairs, r.texts, r.data, r.count)! : []));
}
/** Equal, key order included (JSON text compares both). */
const sameJson = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

test('labels arrive per batch, in order, equal to labelThread', async () => {
  const t = sampleThread(700);
  const { client, replies } = serve();
  client.postMessage({ type: 'lens:job', job: 1, total: 700, article: t.article });
  for (let from = 0; from < 700; from += 300) client.postMessage({ type: 'lens:comments', job: 1, from, comments: wire(t, from, Math.min(700, from + 300)) });
  await tick();
  expect(replies.map((r) => (r.type === 'lens:labels' ? [r.from, r.count] : r.type))).toEqual([[0, 300], [300, 300], [600, 100]]);
  sameJson(labelsOf(replies), labelThread(t, engine));
});

test('one batch is answered in replies of the sizes asked, a smaller first one; each rule and text travels once', async () => {
  const t = sampleThread(700);
  const { client, replies } = serve({ firstReply: 40, reply: 250 });
  client.postMessage({ type: 'lens:job', job: 1, total: 700, article: t.article });
  client.postMessage({ type: 'lens:comments', job: 1, from: 0, comments: wire(t, 0, 600) });
  client.postMessage({ type: 'lens:comments', job: 1, from: 600, comments: wire(t, 600, 700) });
  await tick();
  expect(replies.map((r) => (r.type === 'lens:labels' ? [r.from, r.count] : r.type))).toEqual([[0, 40], [40, 250], [290, 250], [540, 60], [600, 100]]);
  const all = labelThread(t, engine);
  sameJson(labelsOf(replies), all);
  const pairs = replies.flatMap((r) => (r.type === 'lens:labels' ? r.pairs : []));
  const distinct = new Set(all.flatMap((l) => l.cues.map((c) => `${c.rule}\n${c.reason}`)));
  expect(pairs).toHaveLength(2 * distinct.size);
  const texts = replies.flatMap((r) => (r.type === 'lens:labels' ? r.texts : []));
  expect(new Set(texts).size).toBe(texts.length);
  // far smaller than the labels themselves
  expect(JSON.stringify(replies).length * 3).toBeLessThan(JSON.stringify(all).length);
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
  sameJson(got.slice(150), all.slice(150));
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
  sameJson(labelsOf(replies), labelThread(t, engine));
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
