// Multinomial logistic regression over sparse hashed + dense features, plain TypeScript:
// AdaGrad, L2, class weights, a seeded shuffle — the same data gives the same weights.
import { DENSE } from '../dense';
import type { Features } from '../features';
import { encodeInt16, softmax, type LinearModel, type LinearModelData } from '../model';

export interface Example {
  f: Pick<Features, 'hashed' | 'hashScale' | 'dense'>;
  y: number;
  weight: number; // sample weight (class weight x source weight)
}
export interface TrainOptions {
  classes: string[];
  hashBits: number;
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  /** L2 strength pulling dense weights toward their hand-set priors (rules as data) */
  priorStrength: number;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inverse-frequency class weights, softened by a power (1 = fully balanced), mean 1. */
export function classWeights(ys: number[], k: number, power: number): number[] {
  const count = new Array<number>(k).fill(0);
  for (const y of ys) count[y]!++;
  const raw = count.map((c) => (c ? (ys.length / (k * c)) ** power : 0));
  const mean = ys.reduce((s, y) => s + raw[y]!, 0) / ys.length;
  return raw.map((w) => w / mean);
}

export function train(data: Example[], o: TrainOptions): LinearModel {
  const k = o.classes.length;
  const H = 1 << o.hashBits;
  const dim = H + DENSE.length;
  const w = new Float32Array(k * dim);
  const g2 = new Float32Array(k * dim).fill(1e-6);
  // Dense weights start at, and are pulled toward, the rules' prior weights: the data corrects
  // the hand-set direction of a cue where it disagrees, without a cue flipping on noise.
  const prior = new Float32Array(k * dim);
  DENSE.forEach((f, j) => o.classes.forEach((c, ci) => { prior[ci * dim + H + j] = f.prior?.[c] ?? 0; }));
  w.set(prior);
  const bias = new Float64Array(k);
  const bg2 = new Float64Array(k).fill(1e-6);
  const rand = mulberry32(o.seed);
  const order = data.map((_, i) => i);
  const z = new Float64Array(k);
  const step = (j: number, c: number, grad: number): void => {
    const at = c * dim + j;
    const gr = grad + (j >= H ? o.priorStrength * (w[at]! - prior[at]!) : o.l2 * w[at]!);
    g2[at] = g2[at]! + gr * gr;
    w[at] = w[at]! - (o.rate * gr) / Math.sqrt(g2[at]!);
  };
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const ex = data[idx]!;
      for (let c = 0; c < k; c++) {
        let h = 0;
        for (const j of ex.f.hashed) h += w[c * dim + j]!;
        let s = bias[c]! + h * ex.f.hashScale;
        for (let j = 0; j < ex.f.dense.length; j++) if (ex.f.dense[j] !== 0) s += w[c * dim + H + j]! * ex.f.dense[j]!;
        z[c] = s;
      }
      const p = softmax(z);
      for (let c = 0; c < k; c++) {
        const grad = (p[c]! - (c === ex.y ? 1 : 0)) * ex.weight;
        bg2[c] = bg2[c]! + grad * grad;
        bias[c] = bias[c]! - (o.rate * grad) / Math.sqrt(bg2[c]!);
        for (const j of ex.f.hashed) step(j, c, grad * ex.f.hashScale);
        for (let j = 0; j < ex.f.dense.length; j++) if (ex.f.dense[j] !== 0) step(H + j, c, grad * ex.f.dense[j]!);
      }
    }
  }
  return { classes: o.classes, hashBits: o.hashBits, dim, w, bias, temperature: 1 };
}

/** Temperature minimising the (unweighted) negative log-likelihood on held-out logits. */
export function fitTemperature(zs: Float64Array[], ys: number[]): number {
  let best = 1;
  let bestNll = Infinity;
  for (let t = 0.5; t <= 4.001; t += 0.05) {
    let nll = 0;
    zs.forEach((z, i) => { nll -= Math.log(Math.max(softmax(z, t)[ys[i]!]!, 1e-12)); });
    if (nll < bestNll) { bestNll = nll; best = Math.round(t * 100) / 100; }
  }
  return best;
}

/** Quantise to int16 for the shipped file; the scale keeps the largest weight exact. */
export function serialise(m: LinearModel): LinearModelData {
  let max = 1e-9;
  for (const v of m.w) max = Math.max(max, Math.abs(v));
  const scale = max / 32767;
  const q = new Int16Array(m.w.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(m.w[i]! / scale);
  return {
    classes: m.classes, hashBits: m.hashBits, dense: DENSE.map((f) => f.id), scale,
    weights: encodeInt16(q), bias: [...m.bias].map((b) => Math.round(b * 1e5) / 1e5), temperature: m.temperature,
  };
}
