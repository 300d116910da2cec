// labelPass with the background's labelling service at the other end of a fake port: the labels
// are labelThread's whichever way the pass goes (background, in the page, or a fallback midway).
import { expect, test } from 'vitest';
import { serveLabels } from '../../../src/background/label-service';
import { labelPass, type PassOptions } from '../../../src/content/label-pass';
import { RemoteLabeller, type ClientPort } from '../../../src/content/remote-labeller';
import type { StanceLabel, Thread } from '../../../src/parser/types';
import { labelThread, StanceEngine } from '../../../src/stance/index';
import { FakePort, portPair, sampleThread } from '../background/fake-port';

const engine = new StanceEngine();
const local = () => Promise.resolve(engine);
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A background that serves labels; `tamper` may drop or change what it sends back. */
function background(tamper?: (msg: unknown, port: FakePort, n: number) => unknown) {
  const ports: FakePort[] = [];
  const connect = (): ClientPort => {
    const [client, service] = portPair();
    ports.push(client);
    let n = 0;
    const post = service.postMessage.bind(service);
    service.postMessage = (m: unknown) => {
      const out = tamper ? tamper(m, service, n++) : m;
      if (out !== undefined) post(out);
    };
    serveLabels(service, () => engine);
    return client;
  };
  return { connect, ports };
}

async function pass(thread: Thread, remote: RemoteLabeller | null, kept: Array<StanceLabel | undefined> = [], localUpTo = 0) {
  const notes: string[] = [];
  const applied: number[] = [];
  const progress: number[] = [];
  const o: PassOptions = {
    thread, kept, remote, signal: new AbortController().signal, localUpTo, engine: local,
    apply: (i) => applied.push(i), flush: (k) => progress.push(k), note: (h) => notes.push(h),
  };
  const labels = await labelPass(o);
  return { labels, notes, applied, progress };
}

const fast = { stallMs: 200, batchComments: 100, yieldNow: () => Promise.resolve() };

test('through the background: labelThread\'s labels, applied once each, in order', async () => {
  const t = sampleThread(450);
  const bg = background();
  const r = await pass(t, new RemoteLabeller(bg.connect, fast));
  expect(r.notes).toEqual(['remote']);
  // equal, key order included
  expect(JSON.stringify(r.labels)).toBe(JSON.stringify(labelThread(t, engine)));
  expect(r.applied).toEqual(t.comments.map((_c, i) => i));
  expect(r.progress.at(-1)).toBe(450);
  expect(r.progress).toEqual([...r.progress].sort((a, b) => a - b));
  // sent in batches of at most 100, after the article
  const sent = bg.ports[0]!.sent as Array<{ type: string; comments?: unknown[] }>;
  expect(sent.map((m) => m.type)).toEqual(['lens:job', ...Array(5).fill('lens:comments')]);
  expect(sent.every((m) => (m.comments?.length ?? 0) <= 100)).toBe(true);
});

test('no background (connect throws): labelled in the page, same labels', async () => {
  const t = sampleThread(120);
  const remote = new RemoteLabeller(() => { throw new Error('Extension context invalidated.'); }, fast);
  remote.warm();
  const r = await pass(t, remote);
  expect(r.notes).toEqual(['local']);
  expect(r.labels).toEqual(labelThread(t, engine));
  expect(remote.usable).toBe(false);
});

test('the background dies after its first answer: the page labels the rest, same labels', async () => {
  const t = sampleThread(450);
  const bg = background((m, port, n) => {
    if (n === 1) port.disconnect();
    return n === 0 ? m : undefined;
  });
  const remote = new RemoteLabeller(bg.connect, fast);
  const r = await pass(t, remote);
  expect(r.notes).toEqual(['fallback', 'local']);
  expect(json(r.labels)).toEqual(json(labelThread(t, engine)));
  expect(r.applied).toEqual(t.comments.map((_c, i) => i));
  expect(remote.usable).toBe(false);
  // a later pass goes straight to the page
  expect((await pass(t, remote)).notes).toEqual(['local']);
});

test('a silent background: after stallMs the page labels, same labels', async () => {
  const t = sampleThread(150);
  const remote = new RemoteLabeller(background(() => undefined).connect, fast);
  const r = await pass(t, remote);
  expect(r.notes).toEqual(['fallback', 'local']);
  expect(r.labels).toEqual(labelThread(t, engine));
});

type Packed = { count?: number; from?: number; job?: number; data?: unknown[] };
test.each([
  ['a confidence out of range', (m: Packed) => ({ ...m, data: m.data?.map((d, i) => (i === 1 && d !== null ? 3 : d)) })],
  ['a rule index beyond the table', (m: Packed) => ({ ...m, data: m.data?.map((d, i) => (i === 2 && typeof d === 'number' ? d + 2 ** 20 : d)) })],
  ['a batch that skips ahead', (m: Packed) => ({ ...m, from: (m.from ?? 0) + 100 })],
  ['a count one short of its data', (m: Packed) => ({ ...m, count: (m.count ?? 1) - 1 })],
  ['the old unpacked form', (m: Packed) => (m.count ? { type: 'lens:labels', job: m.job, from: m.from, labels: Array(m.count).fill(null) } : m)],
  ['an error', (m: Packed) => ({ type: 'lens:label-error', job: m.job })],
])('an answer with %s is refused: the page labels, same labels', async (_name, change) => {
  const t = sampleThread(250);
  const r = await pass(t, new RemoteLabeller(background((m) => change(m as never)).connect, fast));
  expect(r.notes).toEqual(['fallback', 'local']);
  expect(json(r.labels)).toEqual(json(labelThread(t, engine)));
});

test('a live update: kept labels stay, only the new comments are applied, labels equal labelThread', async () => {
  const t = sampleThread(300);
  const all = labelThread(t, engine);
  const kept = all.map((l, i) => (i < 220 ? l : undefined));
  const bg = background();
  const r = await pass(t, new RemoteLabeller(bg.connect, fast), kept);
  expect(r.notes).toEqual(['remote']);
  expect(json(r.labels)).toEqual(json(all));
  expect(r.applied).toEqual(t.comments.map((_c, i) => i).slice(220));
  // kept comments nobody new replies to travel without their text or label
  const wires = (bg.ports[0]!.sent as Array<{ comments?: Array<{ text: string; kept?: unknown }> }>).flatMap((m) => m.comments ?? []);
  expect(wires.filter((w) => w.kept === null).every((w) => w.text === '')).toBe(true);
  expect(wires.filter((w) => w.kept === null).length).toBeGreaterThan(100);
});

test('nothing new: no message, no engine, the kept labels', async () => {
  const t = sampleThread(40);
  const all = labelThread(t, engine);
  const bg = background();
  const r = await pass(t, new RemoteLabeller(bg.connect, fast), all);
  expect(r.labels).toEqual(all);
  expect(r.notes).toEqual([]);
  expect(bg.ports).toHaveLength(0);
});

test('close() during a pass (the session stops): the pass ends, the port is closed', async () => {
  const t = sampleThread(400);
  const bg = background();
  const remote = new RemoteLabeller(bg.connect, fast);
  const ac = new AbortController();
  const p = labelPass({ thread: t, kept: [], remote, engine: local, signal: ac.signal, apply: () => {}, flush: () => {} });
  ac.abort();
  remote.close();
  expect(await p).toBeNull();
  expect(bg.ports[0]!.open).toBe(false);
  // a new session start reconnects
  expect(remote.usable).toBe(true);
  const r = await pass(t, remote);
  expect(r.notes).toEqual(['remote']);
  expect(bg.ports).toHaveLength(2);
});

test('text the port would alter (a lone surrogate) is labelled in the page; the background stays in use', async () => {
  const t = sampleThread(300);
  t.comments[150] = { ...t.comments[150]!, text: `broken \uD800 text, great plan` };
  const remote = new RemoteLabeller(background().connect, fast);
  const r = await pass(t, remote);
  expect(r.notes).toEqual(['fallback', 'local']);
  expect(json(r.labels)).toEqual(json(labelThread(t, engine)));
  expect(remote.usable).toBe(true);
  const bad = { ...t, article: { ...t.article, paragraphs: ['\uDC00 plan'] } };
  expect((await pass(bad, remote)).notes).toEqual(['local']);
});

test('a small thread: the page\'s engine races a background not known ready; through the background once it is', async () => {
  const t = sampleThread(30);
  const bg = background();
  const remote = new RemoteLabeller(bg.connect, fast);
  // not warmed: nothing said it is ready, and the page's engine is there at once
  const cold = await pass(t, remote, [], 30);
  expect(cold.notes).toEqual(['local']);
  expect(json(cold.labels)).toEqual(json(labelThread(t, engine)));
  expect(remote.usable).toBe(true);
  remote.warm();
  await new Promise((r) => setTimeout(r, 20));
  expect(remote.ready).toBe(true);
  const warm = await pass(t, remote, [], 30);
  expect(warm.notes).toEqual(['remote']);
  expect(json(warm.labels)).toEqual(json(cold.labels));
  // one comment over the bound: the background alone, ready or not
  const big = sampleThread(31);
  const fresh = new RemoteLabeller(background().connect, fast);
  expect((await pass(big, fresh, [], 30)).notes).toEqual(['remote']);
});

test('a small thread whose page engine is slow: the background answers first and labels', async () => {
  const t = sampleThread(20);
  const remote = new RemoteLabeller(background().connect, fast);
  const slow = () => new Promise<StanceEngine>((r) => setTimeout(() => r(engine), 500));
  const notes: string[] = [];
  const labels = await labelPass({ thread: t, kept: [], remote, engine: slow, localUpTo: 20, signal: new AbortController().signal, apply: () => {}, flush: () => {}, note: (h) => notes.push(h) });
  expect(notes).toEqual(['remote']);
  expect(json(labels)).toEqual(json(labelThread(t, engine)));
});

test('a small thread whose page engine fails to load: the background labels it', async () => {
  const t = sampleThread(20);
  const remote = new RemoteLabeller(background().connect, fast);
  const notes: string[] = [];
  const labels = await labelPass({ thread: t, kept: [], remote, engine: () => Promise.reject(new Error('no file')), localUpTo: 20, signal: new AbortController().signal, apply: () => {}, flush: () => {}, note: (h) => notes.push(h) });
  expect(notes).toEqual(['remote']);
  expect(json(labels)).toEqual(json(labelThread(t, engine)));
});
