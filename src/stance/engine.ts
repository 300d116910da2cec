// The stance engine core: direct stance from the comment's own cues, combined with
// (dis)agreement toward the parent comment's stance for replies. The model is injected.
import type { Article, Cue, Stance, StanceLabel } from '../parser/types';
import { buildContext, type ArticleContext } from './context';
import { explain } from './cues';
import { denseIndex } from './dense';
import { extract, type Features } from './features';
import { OPINION_LENGTH_NORM, OPINION_POST_STRENGTH, OPINION_STRENGTH } from './lexicon/opinion';
import { loadLinear, predict, type LinearModel, type StanceModel } from './model';
import { opinion, type Opinion } from './opinion';

export type Agreement = 'agree' | 'disagree' | 'neutral';
export interface AgreementResult {
  label: Agreement;
  confidence: number;
  probs: Record<Agreement, number>;
  cues: Cue[];
}
export interface ParentInfo {
  id?: string;
  text: string;
  label?: StanceLabel;
}

const STANCE_ORDER: readonly Stance[] = ['support', 'oppose', 'neutral', 'question'];
const FLIP: Record<Stance, Stance> = { support: 'oppose', oppose: 'support', neutral: 'neutral', question: 'question' };

/** The reply-aware decision over class probabilities, shared by the fast and the refined pass. */
export interface Decision {
  /** the probabilities after the reply part is mixed in */
  p: readonly number[];
  best: number;
  /** a rhetorical question moved to a side */
  rhetorical: boolean;
  /** the reply part's weight, and its distribution (null: not a reply to a side) */
  g: number;
  derived: number[] | null;
  agr: { agree: number; disagree: number } | null;
}

/**
 * pd: the comment's own probabilities (support, oppose, neutral, question). A reply to a comment
 * that takes a side mixes in that side's distribution, kept when the reply agrees and swapped when
 * it disagrees, weighted by how sure the agreement is; then the likeliest class, where a question
 * in rhetorical form takes the likelier side if it is likely enough.
 */
export function decide(
  pd: readonly number[],
  f: Features,
  parentLabel: StanceLabel | undefined,
  agreementOf: () => { agree: number; disagree: number },
  alpha: number,
  rhetoricalMin: number,
): Decision {
  let p = pd;
  let g = 0;
  let derived: number[] | null = null;
  let agr: { agree: number; disagree: number } | null = null;
  const pl = parentLabel;
  if (pl && (pl.label === 'support' || pl.label === 'oppose')) {
    agr = agreementOf();
    const { agree: a, disagree: d } = agr;
    const q = STANCE_ORDER.map((s) => (s === pl.label ? pl.confidence : (1 - pl.confidence) / 3));
    const qf = STANCE_ORDER.map((s) => q[STANCE_ORDER.indexOf(FLIP[s])]!);
    const ad = a + d || 1;
    const mix = q.map((v, i) => (a / ad) * v + (d / ad) * qf[i]!);
    derived = mix;
    g = Math.min(1, alpha * (a + d));
    p = pd.map((v, i) => (1 - g) * v + g * mix[i]!);
  }
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  let rhetorical = false;
  if (best === 3 && rhetoricalForm(f)) {
    const side = p[0]! > p[1]! ? 0 : 1;
    if (p[side]! >= rhetoricalMin) { best = side; rhetorical = true; }
  }
  return { p, best, rhetorical, g, derived, agr };
}
const RHETORIC = ['rhetorical-question', 'loaded-question', 'sarcasm'].map(denseIndex);
const Q_YOU = denseIndex('question-at-you');
const NEG = denseIndex('negative-sentiment');
const QMARK = denseIndex('question-mark');
/** Question form that argues rather than asks: "why would anyone...", "who cares?", charged words. */
function rhetoricalForm(f: Features): boolean {
  if (f.dense[QMARK] === 0) return false;
  return RHETORIC.some((j) => f.dense[j]! > 0) || (f.dense[Q_YOU]! > 0 && f.dense[NEG]! > 0);
}
const EMPTY_CONTEXT: ArticleContext = { keyTerms: new Set(), actors: new Set(), size: 0, kind: 'news' };

export class Engine {
  readonly stance: LinearModel;
  readonly agree: LinearModel;
  readonly alpha: number;
  readonly rhetoricalMin: number; // Infinity = off
  /** scale of the news opinion layer (lexicon/opinion.ts); 0 = the model alone */
  opinionStrength = OPINION_STRENGTH;
  opinionPostStrength = OPINION_POST_STRENGTH;
  opinionLengthNorm = OPINION_LENGTH_NORM;
  private readonly si: number[]; // model class index of each stance in STANCE_ORDER
  private readonly ai: Record<Agreement, number>;

  constructor(model: StanceModel) {
    this.stance = loadLinear(model.stance);
    this.agree = loadLinear(model.agreement);
    if (this.stance.hashBits !== this.agree.hashBits) throw new Error('stance model: both parts must share hashBits');
    this.alpha = model.reply.alpha;
    this.rhetoricalMin = model.rhetorical?.minStance ?? Number.POSITIVE_INFINITY;
    this.si = STANCE_ORDER.map((s) => this.stance.classes.indexOf(s));
    const ai = (a: Agreement): number => this.agree.classes.indexOf(a);
    this.ai = { agree: ai('agree'), disagree: ai('disagree'), neutral: ai('neutral') };
    if (this.si.some((i) => i < 0) || Object.values(this.ai).some((i) => i < 0)) throw new Error('stance model: unexpected classes');
  }

  prepare(article: Article | string): ArticleContext {
    return buildContext(article);
  }

  features(ctx: ArticleContext | null, text: string, parentText?: string): Features {
    return extract(text, ctx ?? EMPTY_CONTEXT, parentText, this.stance.hashBits);
  }

  /** Stance probabilities from the comment alone, in STANCE_ORDER. */
  direct(f: Features): number[] {
    const p = predict(this.stance, f);
    return this.si.map((i) => p[i]!);
  }

  agreementFrom(f: Features, withCues = true): AgreementResult {
    const p = predict(this.agree, f);
    const probs = { agree: p[this.ai.agree]!, disagree: p[this.ai.disagree]!, neutral: p[this.ai.neutral]! };
    let best: Agreement = 'neutral';
    for (const a of ['agree', 'disagree'] as const) if (probs[a] > probs[best]) best = a;
    return { label: best, confidence: probs[best], probs, cues: withCues ? explain(this.agree, f, this.ai[best]) : [] };
  }

  /** How a reply relates to the comment it answers: agree / disagree / neutral. */
  agreement(text: string, parentText: string): AgreementResult {
    return this.agreementFrom(this.features(null, text, parentText));
  }

  /**
   * The comment's own probabilities (STANCE_ORDER) with the opinion layer applied: plain opinions
   * about the reported action shift the model's probabilities (news articles; 'post' threads have
   * their own strength: in RumourEval "support" means "it is true"). The refined pass stacks these.
   */
  directOpinion(ctx: ArticleContext, f: Features): { pd: number[]; op: Opinion | null } {
    let pd = this.direct(f);
    let op: Opinion | null = null;
    const strength = ctx.kind === 'news' ? this.opinionStrength : this.opinionPostStrength;
    if (strength > 0) {
      op = opinion(f.tokens, ctx, strength, this.opinionLengthNorm);
      const q = pd.map((v, i) => v * Math.exp(op!.shift[i]!));
      const z = q.reduce((a, b) => a + b, 0);
      pd = q.map((v) => v / z);
    }
    return { pd, op };
  }

  classify(ctx: ArticleContext, text: string, parent?: ParentInfo): StanceLabel {
    const f = this.features(ctx, text, parent?.text);
    const { pd, op } = this.directOpinion(ctx, f);
    const pl = parent?.label;
    // agreement cues only if the reply part decides (below)
    const { p, g, derived, agr, best, rhetorical } = decide(pd, f, pl, () => this.agreementFrom(f, false).probs, this.alpha, this.rhetoricalMin);
    const label = STANCE_ORDER[best]!;
    const cues = explain(this.stance, f, this.si[best]!);
    if (op && best <= 1 && op.shift[best]! > 0) {
      // The opinion cues that pushed toward this side come first: they are what a reader sees.
      cues.unshift(...op.cues(best === 0 ? 0 : 1));
    }
    if (rhetorical) {
      cues.unshift({ rule: 'rhetorical-form', text: '?', reason: 'a question that argues rather than asks, so it counts as a position', weight: Math.round(p[best]! * 1000) / 1000 });
    }
    let via: string | undefined;
    if (derived && agr && g * derived[best]! > (1 - g) * pd[best]!) {
      // The reply-derived part carries this label: say so, with the agreement cue first.
      const agreeing = agr.agree >= agr.disagree;
      const phrase = explain(this.agree, f, this.ai[agreeing ? 'agree' : 'disagree']).find((c) => c.text !== undefined);
      via = parent?.id;
      cues.unshift({
        rule: agreeing ? 'reply-agrees' : 'reply-disagrees',
        text: phrase?.text,
        reason: `${agreeing ? 'agrees with' : 'disagrees with'} a comment that ${pl!.label === 'support' ? 'supports' : 'opposes'} it`,
        weight: Math.round(g * derived[best]! * 1000) / 1000,
      });
      if (cues[0]!.text === undefined) delete cues[0]!.text;
    }
    if (cues.length === 0) cues.push({ rule: 'weak-evidence', reason: 'no clear cue; the label is a guess', weight: 0 });
    const confidence = Math.min(1, Math.max(0, p[best]!));
    const out: StanceLabel = { label, confidence: Math.round(confidence * 1000) / 1000, cues };
    if (via !== undefined) out.via = via;
    return out;
  }
}
