// Phrase matcher for the cue rules: phrases indexed by first token, longest match per rule.
import { CUE_RULES, type CueRule } from './lexicon/index';
import { tokenize, type Tokens } from './tokenize';

interface Phrase {
  rule: number;
  toks: string[];
}

export interface RuleHit {
  rule: number; // index into CUE_RULES
  from: number; // token range [from, to)
  to: number;
}

function buildIndex(rules: readonly CueRule[]): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  rules.forEach((r, rule) => {
    for (const p of r.phrases) {
      const toks = tokenize(p).w;
      if (toks.length === 0) continue;
      const list = index.get(toks[0]!) ?? [];
      list.push({ rule, toks });
      index.set(toks[0]!, list);
    }
  });
  // Longest first, so "i agree" wins over "i" phrases and "not true" over "not".
  for (const list of index.values()) list.sort((a, b) => b.toks.length - a.toks.length);
  return index;
}

const INDEX = buildIndex(CUE_RULES);
const NEEDS_QUESTION = CUE_RULES.map((r) => r.id === 'info-question');

/** For each token, the index of the sentence-ending token at or after it (one backward pass). */
function sentenceEnds(t: Tokens): Int32Array {
  const ends = new Int32Array(t.w.length);
  let end = t.w.length;
  for (let j = t.w.length - 1; j >= 0; j--) {
    const w = t.w[j]!;
    if (w === '?' || w === '.' || w === '!' || w === '\n') end = j;
    ends[j] = end;
  }
  return ends;
}

export function matchRules(t: Tokens): RuleHit[] {
  const hits: RuleHit[] = [];
  const coveredUntil = new Array<number>(CUE_RULES.length).fill(0);
  let ends: Int32Array | null = null; // only built when a question rule needs it
  for (let i = 0; i < t.w.length; i++) {
    const cands = INDEX.get(t.w[i]!);
    if (!cands) continue;
    for (const ph of cands) {
      if (coveredUntil[ph.rule]! > i) continue;
      const rule = CUE_RULES[ph.rule]!;
      if (rule.sentenceStart && !t.start[i]) continue;
      const n = ph.toks.length;
      let ok = i + n <= t.w.length;
      for (let k = 1; ok && k < n; k++) ok = t.w[i + k] === ph.toks[k];
      if (!ok) continue;
      if (NEEDS_QUESTION[ph.rule] && t.w[(ends ??= sentenceEnds(t))[i]!] !== '?') continue;
      hits.push({ rule: ph.rule, from: i, to: i + n });
      coveredUntil[ph.rule] = i + n;
    }
  }
  return hits;
}
