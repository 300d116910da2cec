import { expect, test } from 'vitest';
import { runSliced, runSteps } from '../../../src/content/slices';

/** A fake clock: each work item "takes" `cost` ms, so slices are deterministic. */
function fakeClock(cost: number) {
  let t = 0;
  return { now: () => t, tick: () => (t += cost) };
}

test.each([
  // items, cost per item, budget -> items per slice
  [10, 3, 8, [3, 6, 9, 10]],
  [5, 1, 100, [5]],
  [4, 50, 8, [1, 2, 3, 4]], // a slow item still advances one per slice
  [0, 1, 8, []],
])('%d items at %d ms each, budget %d ms: progress %j', async (n, cost, budget, progress) => {
  const clock = fakeClock(cost);
  const seen: number[] = [];
  const done: number[] = [];
  let yields = 0;
  const ok = await runSliced(0, n, (i) => (done.push(i), clock.tick()), {
    signal: new AbortController().signal,
    budgetMs: budget,
    now: clock.now,
    yieldNow: async () => void yields++,
    onSlice: (k) => seen.push(k),
  });
  expect(ok).toBe(true);
  expect(done).toEqual([...Array(n).keys()]);
  expect(seen).toEqual(progress);
  expect(yields).toBe(Math.max(0, progress.length - 1));
});

test('stops at the next slice boundary once aborted', async () => {
  const ac = new AbortController();
  const clock = fakeClock(4);
  const done: number[] = [];
  const ok = await runSliced(0, 100, (i) => (done.push(i), clock.tick()), {
    signal: ac.signal,
    budgetMs: 8,
    now: clock.now,
    yieldNow: async () => ac.abort(),
  });
  expect(ok).toBe(false);
  expect(done).toEqual([0, 1]);
});

test('the real yield (MessageChannel or scheduler.yield) resolves', async () => {
  const ok = await runSliced(0, 3, () => {}, { signal: new AbortController().signal, budgetMs: 0 });
  expect(ok).toBe(true);
});

test('runSteps: a step that answers false is called again, within the slice while time is left', async () => {
  const clock = fakeClock(3);
  const calls: string[] = [];
  let parts = 4;
  const steps = [
    () => void (calls.push('a'), clock.tick()),
    () => (calls.push('b'), clock.tick(), --parts === 0),
    () => void (calls.push('c'), clock.tick()),
  ];
  const seen: number[] = [];
  const ok = await runSteps(steps, { signal: new AbortController().signal, budgetMs: 8, now: clock.now, yieldNow: async () => {}, onSlice: (k) => seen.push(k) });
  expect(ok).toBe(true);
  expect(calls).toEqual(['a', 'b', 'b', 'b', 'b', 'c']);
  expect(seen).toEqual([1, 3]); // slice 1: a, b, b (over budget); slice 2: b, b (done), c
});

test('runSteps: stops when the signal aborts between slices', async () => {
  const ac = new AbortController();
  let n = 0;
  const ok = await runSteps([() => (n++, false)], { signal: ac.signal, budgetMs: 0, now: () => 0, yieldNow: async () => void (n >= 3 && ac.abort()) });
  expect(ok).toBe(false);
  expect(n).toBe(3);
});
