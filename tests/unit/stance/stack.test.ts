// The stacker's fit (training/stack.ts): deterministic, pulled toward its prior, learning the signal,
// and stable in its number of steps. (On the real stacker inputs the last iterate alone moved with one
// step more, README "A stable stacker"; these small synthetic sets converge either way, so the first
// test guards the averaged fit against breaking, not the old fit against its instability.)
import { expect, test } from 'vitest';
import { stackFit, stackScore, type StackRow } from '../../../src/stance/training/stack';

/** Two classes over three inputs, the second nearly a copy of the first (a direction the data barely pins down), labels noisy. */
function rows(n: number): StackRow[] {
  let s = 12345;
  const rnd = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: StackRow[] = [];
  for (let i = 0; i < n; i++) {
    const a = rnd() * 2 - 1;
    const x = [a, a + (rnd() - 0.5) * 0.02, rnd() * 2 - 1];
    const y = rnd() < 1 / (1 + Math.exp(-3 * a)) ? 1 : 0;
    out.push({ x, y, weight: 1 + (i % 3) });
  }
  return out;
}

test('one step more barely moves the fit, and it learns the signal', () => {
  const data = rows(400);
  const a = stackFit(data, 2, 3, { l2: 1e-4, iters: 600 });
  const b = stackFit(data, 2, 3, { l2: 1e-4, iters: 601 });
  const diff = Math.max(...a.w.map((v, j) => Math.abs(v - b.w[j]!)), ...a.b.map((v, c) => Math.abs(v - b.b[c]!)));
  expect(diff).toBeLessThan(2e-3);
  // and it learned the signal: class 1 above class 0 where the first input is high
  const z = stackScore(a, [1, 1, 0], 2, 3);
  expect(z[1]! - z[0]!).toBeGreaterThan(1);
});

test('a strong L2 keeps the averaged weights at the prior (not a fraction of it); the same input gives the same fit', () => {
  const data = rows(200);
  const prior = [1, 0, 0, 0, 1, 0];
  const f = stackFit(data, 2, 3, { l2: 1e4, iters: 200, prior });
  f.w.forEach((v, j) => expect(Math.abs(v - prior[j]!)).toBeLessThan(0.01));
  expect(stackFit(data, 2, 3, { l2: 1e4, iters: 200, prior })).toEqual(f);
});
