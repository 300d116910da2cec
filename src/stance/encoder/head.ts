// The refined pass's head: one linear layer over the sentence encoder's pair features of the
// comment (u) against the article or topic (a) — [u, a, u·a, |u−a|] — and the fast engine's
// named features (its cues, VADER, question and reply rules, the news opinion layer's shifts).
// Trained by scripts/train-refine.ts; the weights ship as int16 (no corpus text). Because the
// named features sit in the same layer, every refined label still names the cues that pushed it.
import type { Cue, Stance } from '../../parser/types';
import { evidence } from '../cues';
import { DENSE } from '../dense';
import type { Features } from '../features';
import { explain } from '../cues';
import { decodeInt16, encodeInt16, loadLinear, logits, softmax, type LinearModel, type LinearModelData } from '../model';
import type { Opinion } from '../opinion';
import { POST_MIN, type ArticleContext } from '../context';
import { shifted, type DiscussionPrior } from '../discussion';
import { DIM } from './embed';

export const HEAD_CLASSES: readonly Stance[] = ['support', 'oppose', 'neutral', 'question'];
const OPINION_IDS = ['opinion-support', 'opinion-oppose', 'opinion-neutral', 'opinion-question'];
/** log-probabilities of the head's own wording model (hashed n-grams + named cues, the fast model's form) */
const WORDING_IDS = ['wording-support', 'wording-oppose', 'wording-neutral', 'wording-question'];
export const EMB = 4 * DIM;
export const NAMED: readonly string[] = [...DENSE.map((f) => f.id), ...OPINION_IDS, ...WORDING_IDS];
export const WORDING_AT = EMB + DENSE.length + OPINION_IDS.length;
export const HEAD_DIM = EMB + NAMED.length;
/**
 * The comment layer's input: the comment's embedding alone (no article) and the named cues. On a
 * social post (RumourEval) the article's embedding names the news event, which a new event does
 * not share; the comment read alone transfers (RumourEval grouped by event: 0.47 against the head's 0.42).
 */
export const COMMENT_DIM = DIM + DENSE.length;

export interface HeadData {
  version: 1;
  classes: string[];
  named: string[]; // the named features' ids, checked against the code's at load
  scale: number; // weight = int16 * scale
  weights: string; // base64 little-endian int16, class-major: classes x HEAD_DIM
  bias: number[];
  temperature: number;
  /** the wording model whose log-probabilities are the wording-* inputs (trained with the head) */
  wording: LinearModelData;
  /** the second level over the head's and the fast engine's probabilities (absent: the head alone) */
  stack?: StackData;
  /** the comment layer (commentInputs; classes x COMMENT_DIM int16 as `weights`), a stacker input */
  comment?: { scale: number; weights: string; bias: number[] };
  /** the relation layer (RELATION_CLASSES x EMB int16 as `weights`) and how much it weighs where it reads (withRelation) */
  relation?: { scale: number; weights: string; bias: number[]; mix: number };
  meta: Record<string, string | number>;
}

/**
 * The second level (stacking): per context kind (stackKind), a linear layer over the head's and
 * the fast engine's centred log-probabilities, whether the comment answers another comment, and the
 * opinion layer's shifts. scripts/train-refine.ts chooses each kind's weights by grouped
 * cross-validation on out-of-fold predictions of both (the head alone, their product, or fitted).
 */
export interface StackData {
  kinds: string[];
  /** per kind, what its weights are (the head alone, the product of the two, a fitted stacker) */
  how: string[];
  inputs: string[];
  /** per kind: classes x inputs, class-major */
  w: number[][];
  /** per kind: one per class */
  b: number[][];
  /** comments answering the same text read together (discussion.ts), where grouped CV chose it */
  discussion?: DiscussionPrior;
  /**
   * Per kind: classes none of its training rows had (a bare topic is never asked a question in
   * VAST). A fitted stacker would learn that they never happen; instead their probability is the
   * product of the head's and the fast engine's, as a kind without labelled rows (news) takes it,
   * and the stacker shares the rest among the classes it saw (stackProbs).
   */
  absent?: number[][];
}
export const STACK_KINDS = ['topic', 'post', 'news', 'nested'] as const;
/**
 * A text with few content words is a bare topic only if it reads as a name: "gun control", "parent
 * religious belief". One that ends as a sentence ends, or runs longer than a name does ("Good for
 * her.", "That is not how it works"), is something a person said, answered as a post is answered.
 * (VAST's 324 topics: 1–5 words but two, none ending in . ! or ?; measured at stop 25, README.)
 */
const UTTERANCE_END = /[.!?…]["'”’)\]]*$/u;
const TOPIC_MAX_WORDS = 5;
function isUtterance(text: string): boolean {
  return UTTERANCE_END.test(text) || (text.match(/[\p{L}\p{N}']+/gu)?.length ?? 0) > TOPIC_MAX_WORDS;
}
/**
 * 'topic': a bare topic (a few words); 'post': a short social post or quoted comment; 'news': a news
 * page or longer text; 'nested': a reply to another reply under a post (`nested`: the comment has a
 * parent comment). A reply to a reply answers its parent, not the post: most such replies are talk
 * among commenters, and what they argue with is not the post. Its second level is fitted on its own
 * rows, so a post's direct replies (a quoted comment's answers among them) are read without them.
 */
export function stackKind(ctx: ArticleContext, nested = false): (typeof STACK_KINDS)[number] {
  let kind: (typeof STACK_KINDS)[number];
  if (ctx.kind === 'post') kind = 'post';
  else if (ctx.size >= POST_MIN) return 'news';
  else kind = isUtterance(ctx.source ?? '') ? 'post' : 'topic';
  return nested && kind === 'post' ? 'nested' : kind;
}
/** The kind whose training mix a discussion is weighed against: one discussion holds a post's direct and nested replies alike. */
export function discussionKind(kind: string): string {
  return kind === 'nested' ? 'post' : kind;
}
/**
 * How close the comment's embedding lies to the text it is set against (cosine): the article or
 * topic, and how much closer it lies to the parent comment than to that (0 for a direct reply, so
 * a kind trained on direct replies alone gives it no weight). A comment off the topic rarely takes
 * a side on it (VAST's neutral class is mostly that). Stacker inputs, chosen by grouped CV
 * (train-refine.ts).
 */
const SIM_IDS = ['sim-article', 'sim-parent'];
/** both spread with a standard deviation of about 0.2 over the training rows: scaled to about 1, as the other inputs, so one L2 suits all */
const SIM_SCALE = 5;
export function cosine(x: ArrayLike<number>, z: ArrayLike<number>): number {
  let d = 0;
  let nx = 0;
  let nz = 0;
  for (let j = 0; j < x.length; j++) {
    d += x[j]! * z[j]!;
    nx += x[j]! * x[j]!;
    nz += z[j]! * z[j]!;
  }
  return d / Math.sqrt(nx * nz + 1e-12);
}
/** u: the comment's embedding, a: the article's, p: the parent comment's (absent: a direct reply). */
export function similarities(u: ArrayLike<number>, a: ArrayLike<number>, p?: ArrayLike<number>): [number, number] {
  const sa = cosine(u, a);
  return [sa, p ? cosine(u, p) - sa : 0];
}
export const AGREE_ORDER = ['agree', 'disagree', 'neutral'] as const;
export const STACK_INPUTS: readonly string[] = [...HEAD_CLASSES.map((c) => `head-${c}`), ...HEAD_CLASSES.map((c) => `fast-${c}`), 'reply', ...OPINION_IDS, ...AGREE_ORDER.map((a) => `agreement-${a}`), ...HEAD_CLASSES.map((c) => `comment-${c}`), ...SIM_IDS];

function centredLog(p: ArrayLike<number>, out: Float64Array, at: number, k: number): void {
  let m = 0;
  for (let c = 0; c < k; c++) m += out[at + c] = Math.log(Math.max(p[c]!, 1e-6));
  m /= k;
  for (let c = 0; c < k; c++) out[at + c] = out[at + c]! - m;
}

/**
 * The stacker's input: centred log-probabilities of the head and of the fast engine (its opinion
 * layer applied), the reply flag, the opinion layer's shifts on their own, and the fast engine's
 * agreement model's centred log-probabilities for the comment against the text it answers, and the
 * comment layer's (the comment read without the article), and the comment's similarity to the
 * article and to its parent (similarities()).
 */
export function stackInputs(head: ArrayLike<number>, fast: ArrayLike<number>, reply: boolean, op: Opinion | null, agreement: ArrayLike<number> | null, comment: ArrayLike<number> | null, sim: ArrayLike<number> | null): Float64Array {
  const x = new Float64Array(STACK_INPUTS.length);
  centredLog(head, x, 0, 4);
  centredLog(fast, x, 4, 4);
  x[8] = reply ? 1 : 0;
  if (op) for (let c = 0; c < 4; c++) x[9 + c] = op.shift[c]!;
  if (agreement) centredLog(agreement, x, 13, 3);
  if (comment) centredLog(comment, x, 16, 4);
  if (sim) for (let j = 0; j < SIM_IDS.length; j++) x[20 + j] = sim[j]! * SIM_SCALE;
  return x;
}

/** The stacker's probabilities for this kind; `head`, `fast`: the two experts', for the classes the kind's rows never had (StackData.absent). */
export function stackProbs(s: StackData, kind: string, x: ArrayLike<number>, head: ArrayLike<number>, fast: ArrayLike<number>): Float64Array {
  const absent = s.absent?.[s.kinds.indexOf(kind)];
  return withAbsent(stackLogits(s, kind, x), absent, absent?.length ? productOf(head, fast) : head);
}

/** The normalised product of two probability vectors (a product of experts). */
export function productOf(p: ArrayLike<number>, q: ArrayLike<number>): Float64Array {
  // floored as the stacker's log inputs are (centredLog)
  const floored = (x: ArrayLike<number>): Float64Array => Float64Array.from(x, (v) => Math.max(v, 1e-6));
  return shifted(floored(p), floored(q));
}

/** Softmax of `z` over the classes not in `absent`, scaled to the mass `ref` leaves them; the absent ones take `ref`'s probability. */
export function withAbsent(z: ArrayLike<number>, absent: readonly number[] | undefined, ref: ArrayLike<number>): Float64Array {
  const k = z.length;
  const p = new Float64Array(k);
  let rest = 1;
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    if (absent?.includes(c)) rest -= p[c] = ref[c]!;
    else max = Math.max(max, z[c]!);
  }
  let sum = 0;
  const e = new Float64Array(k);
  for (let c = 0; c < k; c++) if (!absent?.includes(c)) sum += e[c] = Math.exp(z[c]! - max);
  for (let c = 0; c < k; c++) if (!absent?.includes(c)) p[c] = (Math.max(0, rest) * e[c]!) / sum;
  return p;
}

export function stackLogits(s: StackData, kind: string, x: ArrayLike<number>): Float64Array {
  const k = s.kinds.indexOf(kind);
  if (k < 0) throw new Error(`refined head: no stacker for context kind ${kind}`);
  const w = s.w[k]!;
  const d = s.inputs.length;
  const z = new Float64Array(HEAD_CLASSES.length);
  for (let c = 0; c < z.length; c++) {
    let v = s.b[k]![c]!;
    for (let j = 0; j < d; j++) v += w[c * d + j]! * x[j]!;
    z[c] = v;
  }
  return z;
}

export interface Head {
  wording: LinearModel;
  stack?: StackData;
  /** the comment layer: classes x COMMENT_DIM */
  comment?: { w: Float32Array; bias: Float64Array };
  /** the relation layer: RELATION_CLASSES x EMB, and its weight in the pool */
  relation?: { w: Float32Array; bias: Float64Array; mix: number };
  w: Float32Array;
  /** w minus the mean over classes: a feature's pull toward one class over the others (for cues) */
  rel: Float32Array;
  bias: Float64Array;
  temperature: number;
}

export function loadHead(data: HeadData): Head {
  if (data.named.join() !== NAMED.join()) throw new Error('refined head: named features do not match the code; run npm run train');
  if (data.classes.join() !== HEAD_CLASSES.join()) throw new Error('refined head: unexpected classes');
  const q = decodeInt16(data.weights);
  if (q.length !== HEAD_CLASSES.length * HEAD_DIM) throw new Error(`refined head: expected ${HEAD_CLASSES.length * HEAD_DIM} weights, got ${q.length}`);
  const w = Float32Array.from(q, (v) => v * data.scale);
  if (data.stack && data.stack.inputs.join() !== STACK_INPUTS.join()) throw new Error('refined head: stack inputs do not match the code; run npm run train:refine');
  const h = fromWeights(w, Float64Array.from(data.bias), data.temperature, loadLinear(data.wording));
  if (data.stack) h.stack = data.stack;
  if (data.comment) {
    const cq = decodeInt16(data.comment.weights);
    if (cq.length !== HEAD_CLASSES.length * COMMENT_DIM) throw new Error(`refined head: expected ${HEAD_CLASSES.length * COMMENT_DIM} comment-layer weights, got ${cq.length}`);
    h.comment = { w: Float32Array.from(cq, (v) => v * data.comment!.scale), bias: Float64Array.from(data.comment.bias) };
  }
  if (data.relation) {
    const rq = decodeInt16(data.relation.weights);
    if (rq.length !== RELATION_CLASSES * EMB) throw new Error(`refined head: expected ${RELATION_CLASSES * EMB} relation-layer weights, got ${rq.length}`);
    h.relation = { w: Float32Array.from(rq, (v) => v * data.relation!.scale), bias: Float64Array.from(data.relation.bias), mix: data.relation.mix };
  }
  return h;
}

/** int16 weights and their scale, as the head's own */
export function quantise(w: Float32Array): { scale: number; weights: string } {
  let max = 1e-9;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max / 32767;
  return { scale, weights: encodeInt16(Int16Array.from(w, (v) => Math.round(v / scale))) };
}

/** The comment layer's input: [u, named features]. */
export function commentInputs(u: Float32Array, f: Features, out = new Float32Array(COMMENT_DIM)): Float32Array {
  out.set(u.subarray(0, DIM));
  for (let j = 0; j < f.dense.length; j++) out[DIM + j] = f.dense[j]!;
  return out;
}

/** The comment layer's probabilities, or null when the head has none. */
export function commentProbs(h: Head, u: Float32Array, f: Features): Float64Array | null {
  const c = h.comment;
  return c ? layerProbs(c.w, c.bias, commentInputs(u, f)) : null;
}

/** softmax(w·x + bias) of a small linear layer stored class-major (one row of x.length weights per class). */
function layerProbs(w: Float32Array, bias: Float64Array, x: Float32Array): Float64Array {
  const d = x.length;
  const z = new Float64Array(bias.length);
  for (let k = 0; k < z.length; k++) {
    let v = bias[k]!;
    const o = k * d;
    for (let j = 0; j < d; j++) v += w[o + j]! * x[j]!;
    z[k] = v;
  }
  return softmax(z);
}

/**
 * The relation layer: how a reply relates to a comment written in a person's voice — agrees with
 * it, disagrees, neither (support / oppose / neutral) — from the pair features [u, a, u·a, |u−a|]
 * alone, trained on MaskMandate's answers to quoted comments (scripts/train-refine.ts). Answering a
 * person, a reply agrees or disagrees with them; answering a report (a news post, a headline), it
 * backs or doubts what is reported, which the head and its stacker learned from RumourEval. So the
 * layer is pooled in only where the text answered speaks as a person (personalVoice), in the post
 * kind; a news page, a bare topic and a reply to a reply never read it.
 */
export const RELATION_CLASSES = 3;
const PERSONAL = /\b(?:i|i'm|i've|i'd|i'll|im|my|me|mine|we|we're|we've|our|ours|you|your|you're|youre|yours|you've|you'll)(?![\w'])/i;
/** First or second person: someone speaking to others ("us" only in lower case: "US" is a country). */
export function personalVoice(text: string): boolean {
  return PERSONAL.test(text.includes('’') ? text.replace(/’/g, "'") : text) || /\bus\b/.test(text);
}

/** The relation layer's probabilities (agree / disagree / neither as support / oppose / neutral), or null when the head has none. */
export function relationProbs(h: Head, u: ArrayLike<number>, a: ArrayLike<number>): Float64Array | null {
  const r = h.relation;
  return r ? layerProbs(r.w, r.bias, pairInputs(u, a, new Float32Array(EMB))) : null;
}

/**
 * The pass's probabilities pooled with the relation layer's (a weighted product of experts, weight
 * `mix` for the layer): support, oppose and neutral are its say; question is the pass's alone, and
 * keeps its probability.
 */
export function withRelation(p: ArrayLike<number>, r: ArrayLike<number>, mix: number): Float64Array {
  const q = Math.max(p[3]!, 1e-6);
  const pooled = softmax(Float64Array.from({ length: RELATION_CLASSES }, (_, c) => (1 - mix) * Math.log(Math.max(p[c]!, 1e-6)) + mix * Math.log(Math.max(r[c]!, 1e-6))));
  const out = new Float64Array(4);
  for (let c = 0; c < RELATION_CLASSES; c++) out[c] = (1 - q) * pooled[c]!;
  out[3] = q;
  return out;
}

export function fromWeights(w: Float32Array, bias: Float64Array, temperature: number, wording: LinearModel): Head {
  const k = HEAD_CLASSES.length;
  const rel = new Float32Array(w.length);
  for (let j = 0; j < HEAD_DIM; j++) {
    let m = 0;
    for (let c = 0; c < k; c++) m += w[c * HEAD_DIM + j]!;
    m /= k;
    for (let c = 0; c < k; c++) rel[c * HEAD_DIM + j] = w[c * HEAD_DIM + j]! - m;
  }
  return { w, rel, bias, temperature, wording };
}

export function serialiseHead(h: Head, wording: LinearModelData, meta: HeadData['meta'], stack?: StackData): HeadData {
  const { scale, weights } = quantise(h.w);
  const round = (b: Float64Array): number[] => [...b].map((v) => Math.round(v * 1e5) / 1e5);
  const comment = h.comment ? { ...quantise(h.comment.w), bias: round(h.comment.bias) } : undefined;
  const relation = h.relation ? { ...quantise(h.relation.w), bias: round(h.relation.bias), mix: h.relation.mix } : undefined;
  return { version: 1, classes: [...HEAD_CLASSES], named: [...NAMED], scale, weights, bias: round(h.bias), temperature: h.temperature, wording, ...(stack ? { stack } : {}), ...(comment ? { comment } : {}), ...(relation ? { relation } : {}), meta };
}

/** Log-probabilities of a wording model for one comment. */
export function wordingLogp(m: LinearModel, f: Features): Float64Array {
  const p = softmax(logits(m, f));
  return p.map((v) => Math.log(Math.max(v, 1e-6)));
}

/** The pair features of a comment `u` against the text it answers `a`: [u, a, u·a, |u−a|] (EMB values, written from `at`). */
export function pairInputs(u: ArrayLike<number>, a: ArrayLike<number>, out: Float32Array, at = 0): Float32Array {
  for (let i = 0; i < DIM; i++) {
    const x = u[i]!;
    const y = a[i]!;
    out[at + i] = x;
    out[at + DIM + i] = y;
    out[at + 2 * DIM + i] = x * y;
    out[at + 3 * DIM + i] = Math.abs(x - y);
  }
  return out;
}

/** The head's input: [u, a, u·a, |u−a|, named features, wording log-probabilities]. */
export function headInputs(u: Float32Array, a: Float32Array, f: Features, op: Opinion | null, wording: ArrayLike<number>, out = new Float32Array(HEAD_DIM)): Float32Array {
  pairInputs(u, a, out);
  for (let j = 0; j < f.dense.length; j++) out[EMB + j] = f.dense[j]!;
  for (let c = 0; c < 4; c++) out[EMB + DENSE.length + c] = op ? op.shift[c]! : 0;
  for (let c = 0; c < 4; c++) out[WORDING_AT + c] = wording[c]!;
  return out;
}

export function headLogits(h: Head, x: Float32Array, out = new Float64Array(HEAD_CLASSES.length)): Float64Array {
  for (let c = 0; c < HEAD_CLASSES.length; c++) {
    let z = h.bias[c]!;
    const o = c * HEAD_DIM;
    for (let j = 0; j < HEAD_DIM; j++) z += h.w[o + j]! * x[j]!;
    out[c] = z;
  }
  return out;
}

export function headProbs(h: Head, x: Float32Array): Float64Array {
  return softmax(headLogits(h, x), h.temperature);
}

const MIN_WEIGHT = 0.05;
const MAX_NAMED_CUES = 4;

/**
 * Why the head chose class c: the encoder's part (all embedding inputs together) and the named
 * features that pulled toward c more than toward the other classes, with their words.
 */
export function headCues(h: Head, x: Float32Array, f: Features, op: Opinion | null, c: number): Cue[] {
  const o = c * HEAD_DIM;
  let enc = 0;
  for (let j = 0; j < EMB; j++) enc += x[j]! * h.rel[o + j]!;
  const out: Cue[] = [];
  const ranked: { j: number; weight: number }[] = [];
  for (let j = 0; j < NAMED.length; j++) {
    const v = x[EMB + j]!;
    if (v === 0) continue;
    const weight = (v * h.rel[o + EMB + j]!) / h.temperature;
    if (weight < MIN_WEIGHT || (j < DENSE.length && DENSE[j]!.hidden)) continue;
    ranked.push({ j, weight });
  }
  ranked.sort((a, b) => b.weight - a.weight);
  for (const { j, weight } of ranked.slice(0, MAX_NAMED_CUES)) {
    if (j < DENSE.length) {
      const text = evidence(f, j);
      out.push({ rule: DENSE[j]!.id, ...(text === undefined ? {} : { text }), reason: DENSE[j]!.reason, weight });
    } else if (EMB + j >= WORDING_AT) {
      // The wording model's own strongest phrases for this class, under the weight it carries here.
      const phrase = explain(h.wording, f, c).find((cue) => cue.rule === 'learned-wording');
      if (phrase && !out.some((o) => o.text === phrase.text)) out.push({ ...phrase, reason: `wording linked to ${HEAD_CLASSES[c]}`, weight });
    } else if (op && (c === 0 || c === 1)) {
      // The opinion layer's own cues for this side, the strongest carrying the feature's weight.
      const oc = op.cues(c === 0 ? 0 : 1);
      if (oc[0]) out.push({ ...oc[0], weight });
    }
  }
  const encWeight = enc / h.temperature;
  if (encWeight >= MIN_WEIGHT) {
    out.push({ rule: 'sentence-encoder', reason: `the sentence encoder reads the comment's meaning against the article as ${HEAD_CLASSES[c]}`, weight: encWeight });
  }
  for (const cue of out) cue.weight = Math.round(cue.weight * 1000) / 1000;
  return out.sort((a, b) => b.weight - a.weight);
}
