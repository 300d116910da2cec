// The encoder host's job logic (refine/host.ts) with the real Refiner and a fake encoder: labels
// per batch in the order asked, progress to the end; a cancel or a closed port stops the job
// between batches; a page's newer job replaces its older; a failed load answers an error and the
// next job loads again.
import { describe, expect, test } from 'vitest';
import { StanceEngine, labelThread } from '../../../src/stance/index';
import { Refiner } from '../../../src/stance/refine';
import { REFINE_HEAD } from '../../../src/stance/refined-node';
import { RefineHost, type RefinePass } from '../../../src/refine/host';
import { fromWireLabel, toWireLabel, type HostOutbound, type RefineRequest } from '../../../src/shared/refine-messages';
import { sampleThread } from '../background/fake-port';

const engine = new StanceEngine();
const refiner = new Refiner(engine, REFINE_HEAD);

/** A deterministic 512-d "embedding" from the text; counts the texts it embedded. */
function fakeEmbed(log: string[][]) {
  return async (texts: string[]): Promise<Float32Array[]> => {
    log.push(texts);
    return texts.map((t) => {
      const v = new Float32Array(512);
      for (let i = 0; i < t.length; i++) v[(t.charCodeAt(i) * 31 + i) % 512]! += 1;
      let n = 0;
      for (const x of v) n += x * x;
      return v.map((x) => x / Math.sqrt(n || 1));
    });
  };
}

function job(id: number, n = 70, order?: number[]): Extract<RefineRequest, { type: 'lens:refine' }> {
  const thread = sampleThread(n, 5);
  const fast = labelThread(thread);
  const at = new Map(thread.comments.map((c, i) => [c.id, i]));
  return {
    type: 'lens:refine',
    job: id,
    article: thread.article,
    comments: thread.comments.map((c, i) => ({ text: c.text, parent: c.parentId === undefined ? -1 : (at.get(c.parentId) ?? -1), label: toWireLabel(fast[i]!) })),
    order: order ?? thread.comments.map((_, i) => i).filter((i) => !thread.comments[i]!.placeholder).reverse(),
  };
}

/** A host whose every message goes to `out`; `step()` lets one task pass. */
function setup(load?: () => Promise<RefinePass>) {
  const out: HostOutbound[] = [];
  const embedded: string[][] = [];
  const pass: RefinePass = { refiner, embed: fakeEmbed(embedded) };
  let idle: boolean[] = [];
  const host = new RefineHost(load ?? (async () => pass), (m) => out.push(m), { batch: 16, onIdle: (i) => void idle.push(i) });
  return { host, out, embedded, idle: () => idle, resetIdle: () => (idle = []) };
}

const settle = async (until: () => boolean, max = 2_000): Promise<void> => {
  for (let i = 0; i < max && !until(); i++) await new Promise((r) => setTimeout(r, 0));
};

describe('RefineHost', () => {
  test('a job: refined labels in the order asked, batch by batch, with the progress, then done', async () => {
    const { host, out, idle } = setup();
    const req = job(7);
    host.receive({ port: 1, msg: req });
    await settle(() => out.some((m) => m.msg.type === 'lens:refine-done'));
    const batches = out.filter((m) => m.msg.type === 'lens:refined').map((m) => m.msg as Extract<HostOutbound['msg'], { type: 'lens:refined' }>);
    expect(out.every((m) => m.port === 1 && m.msg.job === 7)).toBe(true);
    expect(batches.flatMap((b) => b.items.map(([i]) => i))).toEqual(req.order);
    expect(batches.map((b) => b.done)).toEqual(batches.map((_, k) => Math.min((k + 1) * 16, req.order.length)));
    expect(batches.every((b) => b.total === req.order.length && b.items.length <= 16)).toBe(true);
    expect(batches.flatMap((b) => b.items).every(([, l]) => l.pass === 'refined')).toBe(true);
    expect(out.at(-1)!.msg).toEqual({ type: 'lens:refine-done', job: 7 });
    expect(idle()).toEqual([false, true]);
    expect(host.pending).toBe(0);
  });

  test('the labels are the Refiner\'s for the same thread and order', async () => {
    const { host, out } = setup();
    const req = job(1, 40);
    host.receive({ port: 1, msg: req });
    await settle(() => out.some((m) => m.msg.type === 'lens:refine-done'));
    const got = new Map(out.flatMap((m) => (m.msg.type === 'lens:refined' ? m.msg.items : [])));
    const thread = { article: req.article, comments: req.comments.map((c, i) => ({ id: String(i), author: '', text: c.text, ...(c.parent >= 0 ? { parentId: String(c.parent) } : {}) })) };
    const fast = req.comments.map((c) => fromWireLabel(c.label));
    const want = await refiner.refineThread(thread, fast, fakeEmbed([]), { order: req.order, batch: 16 });
    for (const i of req.order) expect(got.get(i)).toEqual(want[i]);
  });

  test('a cancel stops the job between batches: no more labels, no done', async () => {
    const { host, out, embedded } = setup();
    host.receive({ port: 1, msg: job(3) });
    await settle(() => out.length >= 1);
    host.receive({ port: 1, msg: { type: 'lens:refine-cancel', job: 3 } });
    const sent = out.length;
    const calls = embedded.length;
    await settle(() => false, 50);
    expect(out.length).toBe(sent);
    expect(embedded.length - calls).toBeLessThanOrEqual(1);
    expect(out.some((m) => m.msg.type === 'lens:refine-done')).toBe(false);
    expect(host.pending).toBe(0);
  });

  test('a closed port drops its running and queued jobs; another page\'s job then runs', async () => {
    const { host, out } = setup();
    host.receive({ port: 1, msg: job(1) });
    host.receive({ port: 2, msg: job(1, 20) });
    await settle(() => out.length >= 1);
    host.receive({ port: 1, closed: true });
    await settle(() => out.some((m) => m.port === 2 && m.msg.type === 'lens:refine-done'));
    const after = out.findIndex((m) => m.port === 2);
    expect(out.slice(after).filter((m) => m.port === 1)).toEqual([]);
    expect(out.some((m) => m.port === 1 && m.msg.type === 'lens:refine-done')).toBe(false);
  });

  test('a page\'s newer job replaces its older one', async () => {
    const { host, out } = setup();
    host.receive({ port: 1, msg: job(1) });
    host.receive({ port: 1, msg: job(2, 20) });
    await settle(() => out.some((m) => m.msg.type === 'lens:refine-done'));
    expect(out.filter((m) => m.msg.type === 'lens:refine-done').map((m) => m.msg.job)).toEqual([2]);
  });

  test('a failed load answers an error; the next job loads again', async () => {
    let tries = 0;
    const { host, out } = setup(async () => {
      tries++;
      if (tries === 1) throw new Error('no wasm');
      return { refiner, embed: fakeEmbed([]) };
    });
    host.receive({ port: 1, msg: job(1, 10) });
    await settle(() => out.length >= 1);
    expect(out).toEqual([{ port: 1, msg: { type: 'lens:refine-error', job: 1 } }]);
    host.receive({ port: 1, msg: job(2, 10) });
    await settle(() => out.some((m) => m.msg.type === 'lens:refine-done'));
    expect(tries).toBe(2);
  });
});
