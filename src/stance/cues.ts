// Turning model contributions into cues a reader understands: which rule or wording pushed
// the comment toward its label, with the matched words and a short reason.
import type { Cue } from '../parser/types';
import { DENSE, RULE_OFFSET } from './dense';
import type { Features } from './features';
import type { LinearModel } from './model';
import { isNegator } from './tokenize';

const MAX_DENSE_CUES = 4;
const MAX_PHRASE_CUES = 2;
const MIN_WEIGHT = 0.05;

function words(f: Features, from: number, to: number): string {
  return f.tokens.raw.slice(from, to).join(' ').replace(/ ([?!.,;:])/g, '$1');
}

/** The words behind a dense feature, where there are any. */
function evidence(f: Features, j: number): string | undefined {
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
    while (k > 0 && i - k < 6 && !isNegator(f.tokens.w[k]!)) k--;
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
  const dense: Cue[] = [];
  for (let j = 0; j < f.dense.length; j++) {
    const x = f.dense[j]!;
    if (x === 0) continue;
    const weight = (x * m.rel[row + H + j]!) / m.temperature;
    if (weight < MIN_WEIGHT) continue;
    const feat = DENSE[j]!;
    if (feat.hidden) continue;
    const text = evidence(f, j);
    dense.push(text === undefined ? { rule: feat.id, reason: feat.reason, weight } : { rule: feat.id, text, reason: feat.reason, weight });
  }
  dense.sort((a, b) => b.weight - a.weight);
  // Wording cues: rank the n-grams first, only spell out the few that are shown.
  const ranked: [number, number][] = [];
  for (let k = 0; k < f.hashed.length; k++) {
    const weight = (m.rel[row + f.hashed[k]!]! * f.hashScale) / m.temperature;
    if (weight >= 2 * MIN_WEIGHT) ranked.push([k, weight]);
  }
  ranked.sort((a, b) => b[1] - a[1]);
  const phrases: Cue[] = [];
  const seen = new Set<string>();
  for (const [k, weight] of ranked) {
    if (phrases.length >= MAX_PHRASE_CUES) break;
    const text = words(f, f.spanFrom[k]!, f.spanTo[k]!);
    if (!text || seen.has(text)) continue;
    seen.add(text);
    phrases.push({ rule: 'learned-wording', text, reason: `wording the model links to ${m.classes[label]}`, weight });
  }
  return [...dense.slice(0, MAX_DENSE_CUES), ...phrases]
    .map((c) => ({ ...c, weight: Math.round(c.weight * 1000) / 1000 }))
    .sort((a, b) => b.weight - a.weight);
}
