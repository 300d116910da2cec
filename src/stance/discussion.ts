// A discussion's own lean. Replies under one post or topic share more than their words: some rumours
// are mostly denied, some threads are nearly all chatter, and a quoted comment draws agreement or
// disagreement as a whole. When several comments answer the same text, their class mix is
// estimated from the refined pass's own probabilities (the EM prior update of Saerens, Latinne &
// Decaestecker 2002, "Adjusting the outputs of a classifier to new a priori probabilities"), shrunk
// toward the training mix by `m` pseudo-comments, and each comment's probabilities are re-weighted
// by (the mix of the OTHER comments / training mix)^power: a comment never confirms itself, and one
// alone is left as it is. A power below 1 damps the update: at 1, EM's feedback drives the rare
// classes down (grouped CV). No labels are read: only the comments given.
// `npm run train:refine` chooses power and m by grouped cross-validation (src/stance/data/refine-head.json).

export interface DiscussionPrior {
  /** the context kinds (stackKind) the adaptation applies to */
  kinds: string[];
  /** per kind in `kinds`: the mean out-of-fold probability of each class over its training rows */
  prior: number[][];
  power: number;
  /** pseudo-comments at the training mix: a discussion of one barely moves */
  m: number;
  iters: number;
}

function reweighted(p: ArrayLike<number>, ratio: ArrayLike<number>, out: Float64Array): Float64Array {
  let z = 0;
  for (let c = 0; c < out.length; c++) z += out[c] = p[c]! * ratio[c]!;
  for (let c = 0; c < out.length; c++) out[c] = z > 0 ? out[c]! / z : 1 / out.length;
  return out;
}

/**
 * The factor each class's probability is multiplied by for the comments of one discussion
 * (`ps`: their probabilities, in the prior's class order). All ones when the discussion's estimated
 * mix is the training mix.
 */
export function discussionShift(ps: readonly ArrayLike<number>[], prior: readonly number[], power: number, m: number, iters: number): Float64Array {
  const k = prior.length;
  const ratio = new Float64Array(k).fill(1);
  if (ps.length === 0) return ratio;
  const q = new Float64Array(k);
  const mix = new Float64Array(k);
  for (let t = 0; t < iters; t++) {
    mix.fill(0);
    for (const p of ps) {
      reweighted(p, ratio, q);
      for (let c = 0; c < k; c++) mix[c] = mix[c]! + q[c]!;
    }
    for (let c = 0; c < k; c++) {
      const pi = (mix[c]! + m * prior[c]!) / (ps.length + m);
      ratio[c] = Math.pow(pi / Math.max(prior[c]!, 1e-9), power);
    }
  }
  return ratio;
}

/**
 * Per comment: the shift from the OTHER comments of its discussion (at the discussion's fixed point,
 * each comment's own reading taken out), so a comment never confirms itself and one alone is left
 * as it is.
 */
export function leaveOneOutShifts(ps: readonly ArrayLike<number>[], prior: readonly number[], power: number, m: number, iters: number): Float64Array[] {
  const k = prior.length;
  const ratio = discussionShift(ps, prior, power, m, iters);
  const qs = ps.map((p) => reweighted(p, ratio, new Float64Array(k)));
  const sum = new Float64Array(k);
  for (const q of qs) for (let c = 0; c < k; c++) sum[c] = sum[c]! + q[c]!;
  return qs.map((q) => {
    const out = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      const pi = (sum[c]! - q[c]! + m * prior[c]!) / (ps.length - 1 + m);
      out[c] = ps.length === 1 ? 1 : Math.pow(pi / Math.max(prior[c]!, 1e-9), power);
    }
    return out;
  });
}

/** `p` re-weighted by a discussion's shift and normalised. */
export function shifted(p: ArrayLike<number>, shift: ArrayLike<number>): Float64Array {
  return reweighted(p, shift, new Float64Array(p.length));
}
