// The background's relay (pages' refining ports <-> the encoder host) and the page's client, over
// fake ports and a host running RefineHost in the same process: the host starts with the first
// job, a page's closed port drops its job, the host closes once idle, a dead host fails the
// waiting pages; the client gets every label and 'done', or 'cancelled' when its signal aborts.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { RefineRelay, type HostLink, type OpenHost } from '../../../src/background/refine-relay';
import { RefineClient, type RefinePort } from '../../../src/content/refine-client';
import { RefineHost } from '../../../src/refine/host';
import { StanceEngine, labelThread } from '../../../src/stance/index';
import { Refiner } from '../../../src/stance/refine';
import { REFINE_HEAD } from '../../../src/stance/refined-node';
import { isHostInbound, type HostInbound } from '../../../src/shared/refine-messages';
import type { StanceLabel } from '../../../src/parser/types';
import { portPair, sampleThread } from '../background/fake-port';

const refiner = new Refiner(new StanceEngine(), REFINE_HEAD);
const embed = async (texts: string[]) => texts.map((t) => Float32Array.from({ length: 512 }, (_, i) => ((t.length + i) % 7) / 20));

function world(idleMs = 50) {
  const seen: HostInbound[] = [];
  let opened = 0;
  let closed = 0;
  let kill: (() => void) | null = null;
  const openHost: OpenHost = async (message, gone) => {
    opened++;
    // as the worker: messages cross as structured data, in a later task
    const host = new RefineHost(async () => ({ refiner, embed }), (m) => setTimeout(() => message(JSON.parse(JSON.stringify(m)))), { batch: 8 });
    let alive = true;
    kill = () => {
      alive = false;
      gone();
    };
    const link: HostLink = {
      post: (m) => {
        seen.push(m);
        if (alive && isHostInbound(m)) setTimeout(() => host.receive(m));
      },
      close: () => {
        alive = false;
        closed++;
      },
    };
    return link;
  };
  const relay = new RefineRelay(openHost, idleMs);
  const connect = (): RefinePort => {
    const [page, bg] = portPair();
    relay.connect(bg);
    return page as unknown as RefinePort;
  };
  return { relay, connect, seen, opened: () => opened, closed: () => closed, kill: () => kill?.() };
}

function jobFor(n: number) {
  const thread = sampleThread(n, 9);
  const labels = labelThread(thread);
  const order = thread.comments.map((_, i) => i).filter((i) => !thread.comments[i]!.placeholder);
  return { thread, labels, order };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
afterEach(() => vi.useRealTimers());

describe('the refined pass over the relay', () => {
  test('every label comes back refined, then done; the host starts once and closes when idle', async () => {
    const w = world();
    const client = new RefineClient(w.connect);
    const { thread, labels, order } = jobFor(30);
    const got = new Map<number, StanceLabel>();
    const progress: number[] = [];
    const outcome = await client.run({ thread, labels, order, signal: new AbortController().signal, onBatch: (items, done) => {
      for (const [i, l] of items) got.set(i, l);
      progress.push(done);
    } });
    expect(outcome).toBe('done');
    expect([...got.keys()].sort((a, b) => a - b)).toEqual(order);
    expect([...got.values()].every((l) => l.pass === 'refined')).toBe(true);
    expect(progress.at(-1)).toBe(order.length);
    expect(w.opened()).toBe(1);
    expect(w.relay.activeJobs).toBe(0);
    expect(w.closed()).toBe(0);
    await wait(120);
    expect(w.closed(), 'closed after the idle time').toBe(1);
    expect(w.relay.hosting).toBe(false);
  });

  test('an aborted job is cancelled in the host; closing the page\'s port tells the host the page is gone', async () => {
    const w = world(10_000);
    const client = new RefineClient(w.connect);
    const { thread, labels, order } = jobFor(200);
    const ac = new AbortController();
    let batches = 0;
    const outcome = client.run({ thread, labels, order, signal: ac.signal, onBatch: () => {
      if (++batches === 1) ac.abort();
    } });
    expect(await outcome).toBe('cancelled');
    await wait(20);
    expect(w.seen.some((m) => 'msg' in m && m.msg.type === 'lens:refine-cancel')).toBe(true);
    expect(w.relay.activeJobs).toBe(0);
    // a second job, then the page goes
    const second = client.run({ thread, labels, order, signal: new AbortController().signal, onBatch: () => {} });
    await wait(20);
    expect(w.relay.activeJobs).toBe(1);
    client.close();
    expect(await second).toBe('cancelled');
    await wait(20);
    expect(w.seen.at(-1)).toMatchObject({ closed: true });
    expect(w.relay.activeJobs).toBe(0);
  });

  test('a host that dies fails the waiting page\'s job', async () => {
    const w = world();
    const client = new RefineClient(w.connect);
    const { thread, labels, order } = jobFor(200);
    const outcome = client.run({ thread, labels, order, signal: new AbortController().signal, onBatch: () => w.kill() });
    expect(await outcome).toBe('failed');
  });

  test('a thread beyond the bounds is not sent', async () => {
    const w = world();
    const client = new RefineClient(w.connect);
    const { thread, labels, order } = jobFor(5);
    const broken = { ...thread, comments: thread.comments.map((c, i) => (i === 2 ? { ...c, text: 'bad \uD800 half' } : c)) };
    expect(await client.run({ thread: broken, labels, order, signal: new AbortController().signal, onBatch: () => {} })).toBe('unsent');
    expect(w.opened()).toBe(0);
  });
});
