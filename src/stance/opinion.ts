// News opinion layer: readable cues for a plain opinion about the reported action ("This won't
// work.", "I fully support this.", "Japan should say no.", "Why would anyone think this is a
// good idea?"). It returns log-odds shifts that the engine adds to the model's probabilities for
// news articles; the model stays the base. Rules and weights are data: lexicon/opinion.ts.
import type { Cue } from '../parser/types';
import type { ArticleContext } from './context';
import * as context from './context';
import * as lexicon from './lexicon/opinion';
import type { OpinionRule } from './lexicon/opinion';
import * as tok from './tokenize';
import type { Tokens } from './tokenize';
import * as vader from './vader';

// Bound once as plain constants: this runs for every comment, and some module loaders (tsx's
// CommonJS output) turn each access to a named import into a getter call.
const {
  ACTIONS, EXTRA_VALENCE, FIRST_PERSON, HEDGES, MODALS, OPINION_CAP, OPINION_RULES, OUTCOME_VERBS, PRESCRIBE_MODALS,
  REFERENCES, RHETORICAL_OPENERS, SARCASM_MARKERS, STANCE_VERBS, VERDICTS, WHY_NOT,
} = lexicon;
const { IS_NEGATOR, IS_PUNCT, joinTokens, tokenize } = tok;
const { contentStem } = context;
const { valence } = vader;

export interface Opinion {
  /** log-odds shift per stance: support, oppose, neutral, question (STANCE_ORDER) */
  shift: [number, number, number, number];
  /** the cues (one per rule) that pushed toward support (0) or oppose (1), strongest first */
  cues(side: 0 | 1): Cue[];
}

const enum Kind { Verdict, Sarcasm, Hedge }
interface Phrase { toks: string[]; value: number; kind: Kind }
interface Match { at: number; len: number; value: number }
/** All phrase lists indexed by first token, longest first: one pass over the comment finds them. */
function index(lists: [Kind, readonly (readonly [string, number])[]][]): Map<string, Phrase[]> {
  const idx = new Map<string, Phrase[]>();
  for (const [kind, list] of lists) {
    for (const [p, value] of list) {
      const toks = tokenize(p).w;
      const l = idx.get(toks[0]!) ?? [];
      l.push({ toks, value, kind });
      l.sort((a, b) => b.toks.length - a.toks.length);
      idx.set(toks[0]!, l);
    }
  }
  return idx;
}
const one = (p: string): readonly [string, number] => [p, 1];
const PHRASES = index([[Kind.Verdict, VERDICTS], [Kind.Sarcasm, SARCASM_MARKERS.map(one)], [Kind.Hedge, HEDGES.map(one)]]);
const OPENER_I = index([[Kind.Verdict, RHETORICAL_OPENERS.map(one)]]);
const WHY_NOT_T = tokenize(WHY_NOT).w;
const NEG_SCALAR = -0.74; // VADER's negation factor

function at(w: string[], i: number, p: readonly string[]): boolean {
  if (i + p.length > w.length) return false;
  for (let k = 0; k < p.length; k++) if (w[i + k] !== p[k]) return false;
  return true;
}
/** Matches per kind (non-overlapping within a kind, longest first). */
function scan(w: string[]): [Match[], Match[], Match[]] {
  const out: [Match[], Match[], Match[]] = [[], [], []];
  const until = [0, 0, 0];
  for (let i = 0; i < w.length; i++) {
    const cands = PHRASES.get(w[i]!);
    if (!cands) continue;
    for (const p of cands) {
      if (until[p.kind]! > i || !at(w, i, p.toks)) continue;
      out[p.kind].push({ at: i, len: p.toks.length, value: p.value });
      until[p.kind] = i + p.toks.length;
    }
  }
  return out;
}

interface Fired { side: 0 | 1; weight: number; from: number; to: number; rule: OpinionRule }
class Collector {
  // A handful of entries at most: a list beats a map here (this runs for every comment).
  private readonly fired: Fired[] = [];
  private penalty = 0;
  constructor(private readonly t: Tokens) {}
  /** The rule points to support (polarity > 0) or oppose; [from, to) are the words behind it. */
  add(rule: OpinionRule, polarity: number, scale: number, from: number, to: number, questionPenalty = false): void {
    const side: 0 | 1 = polarity > 0 ? 0 : 1;
    const weight = rule.weight * scale;
    const prev = this.fired.find((f) => f.rule === rule && f.side === side);
    if (prev) prev.weight += weight;
    else this.fired.push({ side, weight, from, to, rule });
    if (questionPenalty) this.penalty += weight;
  }
  finish(strength: number): Opinion {
    const shift: [number, number, number, number] = [0, 0, 0, 0];
    for (const f of this.fired) shift[f.side] += f.weight;
    for (const s of [0, 1] as const) shift[s] = Math.min(shift[s], OPINION_CAP) * strength;
    shift[3] = -Math.min(this.penalty, OPINION_CAP) * strength;
    const { fired, t } = this;
    // Cue text is built only when asked for (the engine asks only when the layer decides).
    const cues = (side: 0 | 1): Cue[] => fired.filter((f) => f.side === side)
      .map((f) => ({ rule: f.rule.id, text: joinTokens(t.raw, f.from, f.to), reason: f.rule.reason, weight: Math.round(f.weight * strength * 1000) / 1000 }))
      .sort((a, b) => b.weight - a.weight);
    return { shift, cues };
  }
}

/** Valence of token i as an evaluation (0 when it is none), negation applied. */
function evaluation(t: Tokens, i: number, s: number, refs: Uint8Array): number {
  const w = t.w[i]!;
  let v = EXTRA_VALENCE.get(w) ?? valence(w);
  if (v === 0 || STANCE_VERBS.has(w)) return 0;
  if (OUTCOME_VERBS.has(w)) {
    const before = (k: number): string => (i - k >= s ? t.w[i - k]! : '');
    const ok = MODALS.has(before(1)) || MODALS.has(before(2)) || (i - 1 >= s && refs[i - 1] === 1);
    if (!ok) return 0;
  }
  if (t.neg[i]) v *= NEG_SCALAR;
  return v;
}

/**
 * `lengthNorm`: comments up to this many words get the full strength, longer ones strength *
 * lengthNorm / words — one judging sentence in a long essay says little about its overall stance
 * (on VAST's long comments the full-strength layer lowered out-of-fold F1).
 */
export function opinion(t: Tokens, ctx: ArticleContext, strength: number, lengthNorm = Number.POSITIVE_INFINITY): Opinion {
  const c = new Collector(t);
  const w = t.w;
  const kind = t.kind;
  const refs = new Uint8Array(w.length);
  let words = 0;
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!;
    if (kind[i]! & IS_PUNCT) continue;
    words++;
    if (REFERENCES.has(x) || ctx.actors.has(x)) refs[i] = 1;
    else {
      const st = contentStem(x);
      if (st !== null && ctx.keyTerms.has(st)) refs[i] = 1;
    }
  }
  strength *= Math.min(1, lengthNorm / Math.max(1, words));
  const [verdicts, sarcasm, hedges] = scan(w);
  const sarcastic = sarcasm.length > 0;
  const within = (ms: Match[], a: number, b: number): Match[] => (ms.length === 0 ? ms : ms.filter((m) => m.at >= a && m.at < b));
  let s = 0;
  while (s < w.length) {
    let e = s;
    while (e < w.length && w[e] !== '.' && w[e] !== '?' && w[e] !== '!' && w[e] !== '\n') e++;
    const question = e < w.length && w[e] === '?';
    const from = s;
    s = e + 1;
    if (e === from || within(hedges, from, e).length > 0) continue;
    const covered = new Uint8Array(e - from);
    let val = 0;
    let hasRef = false;
    let refAt = -1;
    for (let i = from; i < e; i++) if (refs[i] === 1) { hasRef = true; if (refAt < 0) refAt = i; }
    if (question) {
      // A question that argues: "why would anyone think this is a good idea?" opposes.
      if (e - from === WHY_NOT_T.length && at(w, from, WHY_NOT_T)) { c.add(OPINION_RULES.rhetorical, 1, 0.6, from, e + 1, true); continue; }
      const opener = OPENER_I.get(w[from]!)?.find((p) => at(w, from, p.toks))?.toks;
      if (!opener) continue; // a genuine question: the model decides
      // The writer denies what the question asks: "how can anyone support this" opposes, "why would
      // anyone think this is a good idea" opposes, "why would anyone object" supports. A stance
      // verb decides; otherwise the predicate's valence; with neither it leans against.
      let verb = 0;
      for (let i = from + opener.length; i < e; i++) {
        const v = STANCE_VERBS.get(w[i]!);
        if (v !== undefined && w[i] !== 'for' && verb === 0) verb = t.neg[i] ? -v : v;
        val += evaluation(t, i, from, refs);
      }
      const asked = verb !== 0 ? verb : val > 0 ? 1 : val < 0 ? -1 : 0;
      c.add(OPINION_RULES.rhetorical, asked > 0 ? -1 : asked < 0 ? 1 : -1, asked === 0 ? 0.5 : 1, from, e + 1, true);
      continue;
    }
    for (let i = from; i < e; i++) {
      const pol = STANCE_VERBS.get(w[i]!);
      if (pol === undefined) continue;
      const prev = i > from ? w[i - 1]! : '';
      const first = (w[i] === 'for' ? prev === 'all' || FIRST_PERSON.has(prev) : true) &&
        [1, 2, 3].some((k) => i - k >= from && FIRST_PERSON.has(w[i - k]!));
      if (!first) continue;
      covered[i - from] = 1;
      c.add(OPINION_RULES.stanceVerb, t.neg[i] ? -pol : pol, 1, Math.max(from, i - 3), i + 1);
    }
    for (let i = from; i < e; i++) {
      const modal = PRESCRIBE_MODALS.has(w[i]!);
      const imperative = !modal && i === from && (kind[i]! & IS_NEGATOR) !== 0;
      if (!modal && !imperative) continue;
      let negated = imperative || (kind[i]! & IS_NEGATOR) !== 0;
      for (let k = i + 1; k < Math.min(e, i + 5); k++) {
        const x = w[k]!;
        if (kind[k]! & IS_NEGATOR && !(x === 'no' && w[k - 1] === 'say')) { negated = true; continue; }
        const a = ACTIONS.get(x);
        if (a === undefined) { if (x === 'say' || x === 'to' || x === 'just' || x === 'simply') continue; if (imperative) break; continue; }
        covered.fill(1, i - from, k - from + 1);
        c.add(OPINION_RULES.prescribes, negated ? -a : a, 1, i, k + 1);
        break;
      }
    }
    for (const { at: i, len, value: v } of within(verdicts, from, e)) {
      if (covered[i - from] || i + len > e) continue;
      covered.fill(1, i - from, i - from + len);
      const pol = t.neg[i] || (i > from && (kind[i - 1]! & IS_NEGATOR) !== 0) ? -v : v;
      if (sarcastic && pol > 0) c.add(OPINION_RULES.sarcasm, -1, 1, i, i + len);
      else c.add(OPINION_RULES.verdict, pol, 1, i, i + len);
    }
    // An evaluative predicate about the subject: a reference first, then the judgement.
    if (!hasRef) continue;
    let first = -1;
    let last = -1;
    for (let i = refAt + 1; i < e; i++) {
      if (covered[i - from]) continue;
      const v = evaluation(t, i, from, refs);
      if (v === 0) continue;
      val += v;
      if (first < 0) first = i;
      last = i;
    }
    if (Math.abs(val) < 1) continue;
    if (last + 1 < e && refs[last + 1] === 1) last++; // show the judged noun too: "a terrible idea"
    const scale = Math.min(Math.abs(val), 3) / 2;
    if (sarcastic && val > 0) c.add(OPINION_RULES.sarcasm, -1, scale, first, last + 1);
    else c.add(OPINION_RULES.evaluates, val, scale, refAt, last + 1);
  }
  if (sarcastic) {
    // "Just what the region needs": the marker itself carries the irony even with no praise word.
    const i = sarcasm[0]!.at;
    c.add(OPINION_RULES.sarcasm, -1, 0.5, i, Math.min(w.length, i + 3));
  }
  return c.finish(strength);
}
