import { expect, test } from 'vitest';
import { afterPaint, runStage } from '../../../src/content/slices';
import { each, PAUSE, type Stage } from '../../../src/pipeline/stage';

/** A fake clock: each unit of work "takes" `cost` ms, so slices are deterministic. */
function fakeClock(cost: number) {
  let t = 0;
  return { now: () => t, tick: () => (t += cost) };
}

test.each([
  // units, cost per unit, budget -> progress after each slice, yields to the browser
  [10, 3, 8, [3, 6, 9, 10], 3],
  [5, 1, 100, [5], 0],
  [4, 50, 8, [1, 2, 3, 4], 4], // a slow unit still advances one per slice (the end is seen in a slice of its own)
  [0, 1, 8, [], 0],
])('%d units at %d ms each, budget %d ms: progress %j', async (n, cost, budget, progress, yieldsWanted) => {
  const clock = fakeClock(cost);
  const seen: (number | undefined)[] = [];
  const done: number[] = [];
  let yields = 0;
  const r = await runStage(each(0, n, (i) => (done.push(i), clock.tick())), {
    signal: new AbortController().signal,
    budgetMs: budget,
    now: clock.now,
    yieldNow: async () => void yields++,
    onSlice: (t) => seen.push(t?.done),
  });
  expect(r).toEqual({ value: undefined });
  expect(done).toEqual([...Array(n).keys()]);
  expect(seen).toEqual(progress);
  expect(yields).toBe(yieldsWanted);
});

test("the stage's result comes back; PAUSE ends a slice before a long unit", async () => {
  const clock = fakeClock(1);
  const log: string[] = [];
  function* stage(): Stage<string> {
    log.push('a');
    clock.tick();
    yield { done: 1, total: 3 };
    log.push('b');
    clock.tick();
    yield PAUSE;
    log.push('long');
    clock.tick();
    yield { done: 3, total: 3 };
    return 'result';
  }
  const slices: string[] = [];
  const r = await runStage(stage(), { signal: new AbortController().signal, budgetMs: 100, now: clock.now, yieldNow: async () => void slices.push(log.join()) });
  expect(r).toEqual({ value: 'result' });
  expect(slices).toEqual(['a,b']); // one slice boundary, at the pause
});

test('stops at the next slice boundary once aborted, leaving the stage unfinished', async () => {
  const ac = new AbortController();
  const clock = fakeClock(4);
  const done: number[] = [];
  const r = await runStage(each(0, 100, (i) => (done.push(i), clock.tick())), {
    signal: ac.signal,
    budgetMs: 8,
    now: clock.now,
    yieldNow: async () => ac.abort(),
  });
  expect(r).toBeNull();
  expect(done).toEqual([0, 1]);
});

test('the real yield (MessageChannel or scheduler.yield) resolves', async () => {
  const r = await runStage(each(0, 3, () => {}), { signal: new AbortController().signal, budgetMs: 0 });
  expect(r).not.toBeNull();
});

test('afterPaint: after the next frame and a task; without frames (a hidden tab), after its limit', async () => {
  const order: string[] = [];
  let frame: (() => void) | undefined;
  const win = { requestAnimationFrame: (cb: FrameRequestCallback) => ((frame = () => cb(0)), 1), setTimeout: ((cb: () => void, ms?: number) => setTimeout(cb, ms)) as unknown as Window['setTimeout'] };
  const painted = afterPaint(win, 10_000).then(() => order.push('resolved'));
  await new Promise((r) => setTimeout(r, 20));
  expect(order).toEqual([]); // no frame yet
  order.push('frame');
  frame!();
  await painted;
  expect(order).toEqual(['frame', 'resolved']);
  const t0 = performance.now();
  await afterPaint({ requestAnimationFrame: () => 1, setTimeout: win.setTimeout }, 30);
  expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
});
