// The two baselines issue 11 measured Comment Lens against, rebuilt for `npm run eval`, each ONE
// regression per labelled set trained on that set's training rows only (VAST dev 80 % -> VAST,
// MaskMandate 80 % -> MaskMandate, RumourEval train -> RumourEval):
// - tf-idf + logistic regression on the comment's words (unigrams and bigrams);
// - logistic regression on USE-lite pair features [u, a, u·a, |u−a|] of the comment (u) and the
//   text it answers (a: the topic, the quote, the source post).
// They tell how far the product is from what a plain learner gets on the same rows; nothing here
// ships or chooses a setting of the product.
import { denseLogits, fitDenseTf } from '../../src/stance/training/dense-logreg';
import { classWeights, mulberry32 } from '../../src/stance/training/logreg';
import { softmax } from '../../src/stance/model';
import { EMB, pairInputs } from '../../src/stance/encoder/head';

export interface BaselineRow { text: string; article: string; label: string }
export type Predictor = (rows: readonly BaselineRow[]) => string[];

const argmax = (z: ArrayLike<number>): number => {
  let b = 0;
  for (let c = 1; c < z.length; c++) if (z[c]! > z[b]!) b = c;
  return b;
};

/** Lower-cased word unigrams and bigrams. */
export function ngrams(text: string): string[] {
  const w = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const out = [...w];
  for (let i = 1; i < w.length; i++) out.push(`${w[i - 1]!} ${w[i]!}`);
  return out;
}

/**
 * tf-idf (sublinear tf, smoothed idf, terms in at least 2 training rows, rows L2-normalised) and a
 * multinomial logistic regression (AdaGrad, L2, balanced class weights, seeded shuffle). Settings
 * fixed beforehand, not tuned: it is a reference point.
 */
export function fitTfidf(train: readonly BaselineRow[], classes: readonly string[], o = { epochs: 20, rate: 0.5, l2: 1e-4, seed: 7 }): Predictor {
  const df = new Map<string, number>();
  for (const r of train) for (const t of new Set(ngrams(r.text))) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = new Map<string, number>();
  const idf: number[] = [];
  for (const [t, c] of df) if (c >= 2) { vocab.set(t, idf.length); idf.push(Math.log((1 + train.length) / (1 + c)) + 1); }
  const vectorise = (text: string): { j: Int32Array; v: Float64Array } => {
    const tf = new Map<number, number>();
    for (const t of ngrams(text)) { const j = vocab.get(t); if (j !== undefined) tf.set(j, (tf.get(j) ?? 0) + 1); }
    const j = Int32Array.from(tf.keys());
    const v = Float64Array.from(j, (x) => (1 + Math.log(tf.get(x)!)) * idf[x]!);
    const norm = Math.hypot(...v) || 1;
    for (let i = 0; i < v.length; i++) v[i] = v[i]! / norm;
    return { j, v };
  };
  const k = classes.length;
  const dim = idf.length;
  const X = train.map((r) => vectorise(r.text));
  const y = train.map((r) => classes.indexOf(r.label));
  const cw = classWeights(y, k, 1);
  const w = new Float64Array(k * dim);
  const g2 = new Float64Array(k * dim).fill(1e-6);
  const b = new Float64Array(k);
  const bg2 = new Float64Array(k).fill(1e-6);
  const rand = mulberry32(o.seed);
  const order = train.map((_, i) => i);
  const logits = (x: { j: Int32Array; v: Float64Array }): Float64Array => {
    const z = new Float64Array(k);
    for (let c = 0; c < k; c++) { let s = b[c]!; for (let i = 0; i < x.j.length; i++) s += w[c * dim + x.j[i]!]! * x.v[i]!; z[c] = s; }
    return z;
  };
  for (let e = 0; e < o.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) { const r = Math.floor(rand() * (i + 1)); [order[i], order[r]] = [order[r]!, order[i]!]; }
    for (const i of order) {
      const x = X[i]!;
      const p = softmax(logits(x));
      for (let c = 0; c < k; c++) {
        const g = (p[c]! - (c === y[i] ? 1 : 0)) * cw[y[i]!]!;
        bg2[c] = bg2[c]! + g * g;
        b[c] = b[c]! - (o.rate * g) / Math.sqrt(bg2[c]!);
        for (let t = 0; t < x.j.length; t++) {
          const at = c * dim + x.j[t]!;
          const gr = g * x.v[t]! + o.l2 * w[at]!;
          g2[at] = g2[at]! + gr * gr;
          w[at] = w[at]! - (o.rate * gr) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  return (rows) => rows.map((r) => classes[argmax(logits(vectorise(r.text)))]!);
}

/** [u, a, u·a, |u−a|] of each row, row-major (the refined head's pair block). */
export function pairFeatures(rows: readonly BaselineRow[], vec: (t: string) => ArrayLike<number>): Float32Array {
  const X = new Float32Array(rows.length * EMB);
  rows.forEach((r, i) => pairInputs(vec(r.text), vec(r.article), X, i * EMB));
  return X;
}

/**
 * Logistic regression on the pair features (the refined head's fit: standardised inputs, full-batch
 * Adam, tail-averaged; class weights softened by power 0.5, as the head's).
 */
export async function fitPair(train: readonly BaselineRow[], classes: readonly string[], vec: (t: string) => ArrayLike<number>, l2: number): Promise<Predictor> {
  const d = EMB;
  const k = classes.length;
  const X = pairFeatures(train, vec);
  const y = Int32Array.from(train, (r) => classes.indexOf(r.label));
  const cw = classWeights(Array.from(y), k, 0.5);
  const fit = await fitDenseTf({ X, n: train.length, d, y, weight: Float32Array.from(y, (c) => cw[c]!) }, train.map((_, i) => i), { k, l2, iters: 120, rate: 0.03 });
  return (rows) => {
    const Xr = pairFeatures(rows, vec);
    return rows.map((_, i) => classes[argmax(denseLogits(fit, Xr, i * d, d, k))]!);
  };
}

/** Out-of-fold predictions over the given folds (fold[i] in 0..K-1). */
export async function outOfFold(rows: readonly BaselineRow[], fold: readonly number[], K: number, fit: (train: BaselineRow[]) => Promise<Predictor> | Predictor): Promise<string[]> {
  const out: string[] = new Array(rows.length);
  for (let f = 0; f < K; f++) {
    const predict = await fit(rows.filter((_, i) => fold[i] !== f));
    const idx = rows.flatMap((_, i) => (fold[i] === f ? [i] : []));
    predict(idx.map((i) => rows[i]!)).forEach((p, j) => { out[idx[j]!] = p; });
  }
  return out;
}
