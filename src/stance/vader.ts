// VADER-style sentiment over our tokens (lexicon: C.J. Hutto, MIT, see data/VADER-LICENSE.txt).
// Simplified rules from vaderSentiment: negation flips by -0.74, boosters add 0.293,
// ALL-CAPS emphasis adds 0.733, "but" shifts weight to the clause after it.
import vader from './data/vader-lexicon.json';
import { BOOSTERS } from './lexicon/negators';
import { OUTCOME_VALENCE } from './lexicon/outcomes';
import { isAllCaps, type Tokens } from './tokenize';

// VADER first; outcome words fill its gaps (VADER wins where both have the word). The upstream
// file lists a few tokens twice ("lol" 2.9, then 1.8): the later entry wins, as in vaderSentiment.
const LEXICON: ReadonlyMap<string, number> = new Map([...OUTCOME_VALENCE, ...(vader.entries as Array<[string, number]>)]);
const N_SCALAR = -0.74;
const B_INCR = 0.293;
const C_INCR = 0.733;

export interface Sentiment {
  pos: number; // sum of positive valence (after negation)
  neg: number; // sum of |negative valence| (after negation)
  compound: number; // -1..1, VADER's normalisation
  negatedPositive: number[]; // token indices of positive words inside a negation scope
  negatedNegative: number[];
  positive: number[]; // token indices of plain positive / negative words
  negative: number[];
}

export function valence(word: string): number {
  return LEXICON.get(word) ?? 0;
}

export function sentiment(t: Tokens, shouting: boolean): Sentiment {
  let pos = 0;
  let neg = 0;
  const negatedPositive: number[] = [];
  const negatedNegative: number[] = [];
  const positive: number[] = [];
  const negative: number[] = [];
  let butAt = t.w.indexOf('but');
  if (butAt < 0) butAt = Number.POSITIVE_INFINITY;
  for (let i = 0; i < t.w.length; i++) {
    const word = t.w[i]!;
    let v = LEXICON.get(word);
    if (v === undefined || v === 0) continue;
    const prev = i > 0 ? t.w[i - 1]! : '';
    if (BOOSTERS.has(prev)) v += v > 0 ? B_INCR : -B_INCR;
    if (shouting) {
      const r = t.raw[i]!;
      if (r.length > 1 && isAllCaps(r)) v += v > 0 ? C_INCR : -C_INCR;
    }
    if (t.neg[i]) {
      (v > 0 ? negatedPositive : negatedNegative).push(i);
      v *= N_SCALAR;
    } else {
      (v > 0 ? positive : negative).push(i);
    }
    if (i < butAt && butAt !== Number.POSITIVE_INFINITY) v *= 0.5;
    else if (i > butAt) v *= 1.5;
    if (v > 0) pos += v;
    else neg -= v;
  }
  const sum = pos - neg;
  const compound = sum / Math.sqrt(sum * sum + 15);
  return { pos, neg, compound, negatedPositive, negatedNegative, positive, negative };
}
