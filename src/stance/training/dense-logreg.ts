// Multinomial logistic regression over dense rows (the refined head): standardised inputs,
// full-batch Adam, L2, sample weights. Deterministic: no shuffling, no random start.
import { softmax } from '../model';
import { TailAverage } from './tail-average';

export interface DenseSet {
  X: Float32Array; // n x d, row-major
  n: number;
  d: number;
  y: Int32Array;
  weight: Float32Array;
}
export interface DenseFit {
  W: Float32Array; // k x d, for raw (unstandardised) inputs
  b: Float64Array;
}
export interface DenseOptions { k: number; l2: number; iters: number; rate: number }

/** Mean and spread of each column over the given rows (spread 1 where a column is constant). */
export function columnStats(s: DenseSet, rows: readonly number[]): { mean: Float64Array; sd: Float64Array } {
  const mean = new Float64Array(s.d);
  const sq = new Float64Array(s.d);
  for (const i of rows) {
    const o = i * s.d;
    for (let j = 0; j < s.d; j++) { const v = s.X[o + j]!; mean[j] = mean[j]! + v; sq[j] = sq[j]! + v * v; }
  }
  const sd = new Float64Array(s.d);
  for (let j = 0; j < s.d; j++) {
    mean[j] = mean[j]! / rows.length;
    const v = sq[j]! / rows.length - mean[j]! * mean[j]!;
    sd[j] = v > 1e-12 ? Math.sqrt(v) : 1;
  }
  return { mean, sd };
}

export function denseLogits(f: DenseFit, x: Float32Array, xo: number, d: number, k: number): Float64Array {
  const z = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let acc = f.b[c]!;
    for (let j = 0; j < d; j++) acc += f.W[c * d + j]! * x[xo + j]!;
    z[c] = acc;
  }
  return z;
}

/**
 * The fit, with TF.js doing the two big matrix products per step (X·W and Xᵀ·R, its wasm backend
 * in Node: SIMD, many times plain loops' speed; a plain-loop twin was too slow to keep); the
 * gradient is written out, the Adam step is plain code. Loss: weighted mean cross-entropy + l2/2 |W|².
 * The fit returned is the mean of the iterates over the second half of the steps (tail-average.ts):
 * the final iterate alone moved the refined pass's grouped CV by ~0.02 for one step more or less.
 */
export async function fitDenseTf(s: DenseSet, rows: readonly number[], o: DenseOptions): Promise<DenseFit> {
  const tf = await import('@tensorflow/tfjs-core');
  const { k, l2 } = o;
  const d = s.d;
  const m = rows.length;
  const { mean, sd } = columnStats(s, rows);
  const Z = new Float32Array(m * d);
  rows.forEach((i, r) => { for (let j = 0; j < d; j++) Z[r * d + j] = (s.X[i * d + j]! - mean[j]!) / sd[j]!; });
  let wsum = 0;
  for (const i of rows) wsum += s.weight[i]!;
  const sw = Float64Array.from(rows, (i) => s.weight[i]! / wsum);
  const X = tf.tensor2d(Z, [m, d]);
  const W = new Float32Array(d * k); // d x k, as the products want it
  const b = new Float64Array(k);
  const mW = new Float64Array(d * k);
  const vW = new Float64Array(d * k);
  const mb = new Float64Array(k);
  const vb = new Float64Array(k);
  const R = new Float32Array(m * k);
  const gb = new Float64Array(k);
  const z = new Float64Array(k);
  const b1 = 0.9;
  const b2 = 0.999;
  const avg = new TailAverage(o.iters, d * k + k);
  for (let t = 1; t <= o.iters; t++) {
    const Wt = tf.tensor2d(W, [d, k]);
    const L = tf.matMul(X, Wt);
    const logits = L.dataSync() as Float32Array;
    L.dispose();
    Wt.dispose();
    gb.fill(0);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < k; c++) z[c] = logits[r * k + c]! + b[c]!;
      const p = softmax(z);
      const yi = s.y[rows[r]!]!;
      for (let c = 0; c < k; c++) {
        const g = (p[c]! - (c === yi ? 1 : 0)) * sw[r]!;
        R[r * k + c] = g;
        gb[c] = gb[c]! + g;
      }
    }
    const Rt = tf.tensor2d(R, [m, k]);
    const G = tf.matMul(X, Rt, true, false);
    const grad = G.dataSync() as Float32Array;
    G.dispose();
    Rt.dispose();
    const c1 = 1 - b1 ** t;
    const c2 = 1 - b2 ** t;
    for (let j = 0; j < d * k; j++) {
      const g = grad[j]! + l2 * W[j]!;
      mW[j] = b1 * mW[j]! + (1 - b1) * g;
      vW[j] = b2 * vW[j]! + (1 - b2) * g * g;
      W[j] = W[j]! - (o.rate * (mW[j]! / c1)) / (Math.sqrt(vW[j]! / c2) + 1e-8);
    }
    for (let c = 0; c < k; c++) {
      mb[c] = b1 * mb[c]! + (1 - b1) * gb[c]!;
      vb[c] = b2 * vb[c]! + (1 - b2) * gb[c]! * gb[c]!;
      b[c] = b[c]! - (o.rate * (mb[c]! / c1)) / (Math.sqrt(vb[c]! / c2) + 1e-8);
    }
    avg.add(t, W);
    avg.add(t, b, d * k);
  }
  X.dispose();
  avg.meanInto(W);
  avg.meanInto(b, d * k);
  const Wr = new Float32Array(k * d);
  const br = Float64Array.from(b);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) {
      const w = W[j * k + c]! / sd[j]!;
      Wr[c * d + j] = w;
      br[c] = br[c]! - w * mean[j]!;
    }
  }
  return { W: Wr, b: br };
}
