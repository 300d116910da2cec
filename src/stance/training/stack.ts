// The refined pass's second level (encoder/head.ts StackData): a small multinomial logistic
// regression per context kind over out-of-fold class probabilities of the head and of the fast
// engine. Full-batch Adam on the weighted log-loss with L2 pulling the weights (not the biases)
// toward a prior; deterministic (start at the prior, fixed steps). The fit returned is the mean of
// the iterates over the second half of the steps (tail-average.ts, as the head's): with the last
// iterate, one step more (601 for 600) moved a setting's grouped CV by up to 0.008 and changed which
// setting the CV chose. Training code only: nothing here ships.
import { TailAverage } from './tail-average';

export interface StackRow {
  x: ArrayLike<number>;
  y: number;
  weight: number;
}
export interface StackFit {
  w: number[]; // k x d, class-major
  b: number[];
}

/** `prior` (k x d): where the weights start and what L2 pulls them toward (default 0). */
export function stackFit(rows: readonly StackRow[], k: number, d: number, o: { l2: number; iters?: number; rate?: number; prior?: readonly number[] }): StackFit {
  const iters = o.iters ?? 400;
  const rate = o.rate ?? 0.05;
  const P = k * d + k;
  const th = new Float64Array(P);
  const prior = new Float64Array(k * d);
  if (o.prior) prior.set(o.prior);
  th.set(prior);
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const g = new Float64Array(P);
  const z = new Float64Array(k);
  const avg = new TailAverage(iters, P);
  let W = 0;
  for (const r of rows) W += r.weight;
  W = W || 1;
  for (let t = 1; t <= iters; t++) {
    g.fill(0);
    for (const r of rows) {
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = th[k * d + c]!;
        for (let j = 0; j < d; j++) s += th[c * d + j]! * r.x[j]!;
        z[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c]! - max);
      for (let c = 0; c < k; c++) {
        const e = (r.weight * (z[c]! / sum - (c === r.y ? 1 : 0))) / W;
        for (let j = 0; j < d; j++) g[c * d + j] = g[c * d + j]! + e * r.x[j]!;
        g[k * d + c] = g[k * d + c]! + e;
      }
    }
    for (let i = 0; i < k * d; i++) g[i] = g[i]! + o.l2 * (th[i]! - prior[i]!);
    for (let i = 0; i < P; i++) {
      m[i] = 0.9 * m[i]! + 0.1 * g[i]!;
      v[i] = 0.999 * v[i]! + 0.001 * g[i]! * g[i]!;
      const mh = m[i]! / (1 - 0.9 ** t);
      const vh = v[i]! / (1 - 0.999 ** t);
      th[i] = th[i]! - (rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
    avg.add(t, th);
  }
  const mean = avg.meanInto(new Float64Array(P));
  return { w: [...mean.subarray(0, k * d)], b: [...mean.subarray(k * d)] };
}

export function stackScore(f: StackFit, x: ArrayLike<number>, k: number, d: number): Float64Array {
  const z = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = f.b[c]!;
    for (let j = 0; j < d; j++) s += f.w[c * d + j]! * x[j]!;
    z[c] = s;
  }
  return z;
}
