// Turning model contributions into cues a reader understands: which rule or wording pushed
// the comment toward its label, with the matched words and a short reason.
import type { Cue } from '../parser/types';
import { DENSE, RULE_OFFSET } from './dense';
import type { Features } from './features';
import { relWeight, type LinearModel } from './model';
import { IS_NEGATOR, joinTokens } from './tokenize';

const MAX_DENSE_CUES = 4;
const MAX_PHRASE_CUES = 2;
const MIN_WEIGHT = 0.05;
const MAX_PICKS = 8; // picks one by one before ranking the rest in full
// Scratch for the n-gram ranking, grown as needed (explain never re-enters itself).
let ks = new Int32Array(256);
let ws = new Float64Array(256);

function words(f: Features, from: number, to: number): string {
  return joinTokens(f.tokens.raw, from, to);
}

/** The words behind a dense feature, where there are any. */
export function evidence(f: Features, j: number): string | undefined {
  const id = DENSE[j]!.id;
  if (j >= RULE_OFFSET) {
    const hit = f.hits.find((h) => h.rule === j - RULE_OFFSET);
    return hit ? words(f, hit.from, hit.to) : undefined;
  }
  const s = f.senti;
  const pick = (idx: number[]): string | undefined => (idx.length ? idx.slice(0, 3).map((i) => f.tokens.raw[i]).join(', ') : undefined);
  if (id === 'negated-positive' || id === 'negated-negative') {
    const i = (id === 'negated-positive' ? s.negatedPositive : s.negatedNegative)[0];
    if (i === undefined) return undefined;
    let k = i;
    while (k > 0 && i - k < 6 && !(f.tokens.kind[k]! & IS_NEGATOR)) k--;
    return words(f, k, i + 1);
  }
  if (id === 'positive-sentiment') return pick(s.positive);
  if (id === 'negative-sentiment') return pick(s.negative);
  if (id === 'question-mark' || id === 'ends-with-question') return '?';
  return undefined;
}

export function explain(m: LinearModel, f: Features, label: number): Cue[] {
  const H = 1 << m.hashBits;
  const row = label * m.dim;
  // Rank the dense cues first; only the shown ones look up their words.
  const ranked: { j: number; weight: number }[] = [];
  for (let j = 0; j < f.dense.length; j++) {
    const x = f.dense[j]!;
    if (x === 0) continue;
    const weight = (x * relWeight(m, row + H + j)) / m.temperature;
    if (weight < MIN_WEIGHT || DENSE[j]!.hidden) continue;
    ranked.push({ j, weight });
  }
  ranked.sort((a, b) => b.weight - a.weight);
  const out: Cue[] = [];
  for (let r = 0; r < ranked.length && r < MAX_DENSE_CUES; r++) {
    const { j, weight } = ranked[r]!;
    const feat = DENSE[j]!;
    const text = evidence(f, j);
    out.push(text === undefined ? { rule: feat.id, reason: feat.reason, weight } : { rule: feat.id, text, reason: feat.reason, weight });
  }
  // Wording cues: only the few strongest are shown, so they are picked in order (strongest,
  // earliest first: the order a stable sort gives) rather than sorting every n-gram.
  const n = f.hashed.length;
  if (ks.length < n) { ks = new Int32Array(n); ws = new Float64Array(n); }
  let count = 0;
  for (let k = 0; k < n; k++) {
    const weight = (relWeight(m, row + f.hashed[k]!) * f.hashScale) / m.temperature;
    if (weight >= 2 * MIN_WEIGHT) { ks[count] = k; ws[count] = weight; count++; }
  }
  const phrases: Cue[] = [];
  const seen: string[] = [];
  const take = (k: number, weight: number): void => {
    const text = words(f, f.spanFrom[k]!, f.spanTo[k]!);
    if (!text || seen.includes(text)) return;
    seen.push(text);
    phrases.push({ rule: 'learned-wording', text, reason: `wording the model links to ${m.classes[label]}`, weight });
  };
  let picks = 0;
  for (; picks < count && picks < MAX_PICKS && phrases.length < MAX_PHRASE_CUES; picks++) {
    let b = -1;
    for (let i = 0; i < count; i++) if (ws[i]! > -1 && (b < 0 || ws[i]! > ws[b]!)) b = i;
    const weight = ws[b]!;
    ws[b] = -1; // taken (every candidate weighs at least 2 * MIN_WEIGHT)
    take(ks[b]!, weight);
  }
  if (picks === MAX_PICKS && phrases.length < MAX_PHRASE_CUES) {
    // Many repeats of the same words: rank the rest in full (stable, so ties keep their order).
    const rest: [number, number][] = [];
    for (let i = 0; i < count; i++) if (ws[i]! > -1) rest.push([ks[i]!, ws[i]!]);
    rest.sort((a, b) => b[1] - a[1]);
    for (const [k, weight] of rest) {
      if (phrases.length >= MAX_PHRASE_CUES) break;
      take(k, weight);
    }
  }
  // The cue objects are this call's own: round in place.
  for (const c of phrases) out.push(c);
  for (const c of out) c.weight = Math.round(c.weight * 1000) / 1000;
  return out.sort((a, b) => b.weight - a.weight);
}
