// Feature extraction: hashed word n-grams (negation-marked) plus the named dense cues.
// Hashing keeps corpus vocabulary out of the shipped weights (only bucket weights ship).
import type { ArticleContext } from './context';
import { contentStem } from './context';
import { DENSE, RULE_OFFSET, denseIndex } from './dense';
import { CUE_RULES } from './lexicon/index';
import { matchRules, type RuleHit } from './match';
import { IS_NEGATOR, IS_PUNCT, isAllCaps, tokenize, type Tokens } from './tokenize';
import { sentiment, type Sentiment } from './vader';

export interface Features {
  /** hashed n-gram buckets, each counted once per occurrence */
  hashed: number[];
  /** value of every hashed entry: 1/sqrt(count), so long comments do not get huge scores */
  hashScale: number;
  /** token span [from, to) of each hashed n-gram (for showing it as a cue) */
  spanFrom: number[];
  spanTo: number[];
  dense: Float64Array;
  tokens: Tokens;
  hits: RuleHit[];
  senti: Sentiment;
}

const D = (id: string): number => denseIndex(id);
const F = {
  pos: D('positive-sentiment'), neg: D('negative-sentiment'), bal: D('sentiment-balance'),
  negPos: D('negated-positive'), negNeg: D('negated-negative'), qmark: D('question-mark'),
  endQ: D('ends-with-question'), excl: D('exclamation'), link: D('link'), addr: D('addresses-someone'),
  len: D('length'), short: D('very-short'), art: D('article-terms'), actors: D('article-actors'),
  par: D('parent-overlap'), caps: D('shouting'), quotes: D('quotes'), reply: D('is-reply'),
  negation: D('negation'), you: D('second-person'), negQ: D('negative-question'),
  irony: D('ironic-praise'), polarity: D('polarity-match'), restates: D('restates-article'),
  qYou: D('question-at-you'), loadedQ: D('loaded-question'), post: D('context-post'), news: D('context-news'), parentAsks: D('parent-asks'),
};
const DENIAL = CUE_RULES.findIndex((r) => r.id === 'denial');
// Comments up to this many n-grams keep full weight per n-gram; longer ones are scaled down.
const HASH_NORM = 16;
const PREFIX = 5;
const PREFIX_MIN = 7;
const SARCASM = CUE_RULES.findIndex((r) => r.id === 'sarcasm');

/** FNV-1a of the first n characters of s (n >= s.length: all of it; no slice for word starts). */
function fnv(s: string, seed: number, n = s.length): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ (b >>> 15), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function overlap(t: Tokens, terms: ReadonlySet<string>): number {
  let n = 0;
  let hit = 0;
  for (const w of t.w) {
    const s = contentStem(w);
    if (s === null) continue;
    n++;
    if (terms.has(s)) hit++;
  }
  return n === 0 ? 0 : hit / Math.sqrt(n); // favours several hits without rewarding sheer length
}

interface ParentSummary {
  stems: Set<string>;
  compound: number;
  asks: boolean;
}
// A parent with many replies is read once: a small cache keyed by its text, cleared when full.
const parentCache = new Map<string, ParentSummary>();
const PARENT_CACHE_MAX = 512;

function parentSummary(text: string): ParentSummary {
  let p = parentCache.get(text);
  if (p) return p;
  const t = tokenize(text);
  const stems = new Set<string>();
  for (const w of t.w) {
    const s = contentStem(w);
    if (s !== null) stems.add(s);
  }
  p = { stems, compound: sentiment(t, false).compound, asks: t.w.includes('?') };
  if (parentCache.size >= PARENT_CACHE_MAX) parentCache.clear();
  parentCache.set(text, p);
  return p;
}

// Each comment's dense vector is a view into a shared zeroed slab: allocating a small typed array
// with its own buffer per comment cost more than the whole dense part of the extraction.
const SLAB = 128;
let slab = new Float64Array(0);
let slabAt = 0;
function denseVector(): Float64Array {
  if (slabAt >= slab.length) { slab = new Float64Array(SLAB * DENSE.length); slabAt = 0; }
  const v = slab.subarray(slabAt, slabAt + DENSE.length);
  slabAt += DENSE.length;
  return v;
}

export function extract(text: string, ctx: ArticleContext | null, parentText: string | undefined, bits: number): Features {
  const tokens = tokenize(text);
  const { w, raw } = tokens;
  const mask = (1 << bits) - 1;
  const hashed: number[] = [];
  const spanFrom: number[] = [];
  const spanTo: number[] = [];
  const dense = denseVector();
  let words = 0;
  let prev = 0x2545f491; // sentinel for the start-of-comment bigram
  let qmarks = 0;
  let excl = 0;
  let caps = 0;
  let quotes = 0;
  let negs = 0;
  let you = 0;
  for (let i = 0; i < w.length; i++) {
    const t = w[i]!;
    const h = fnv(t, tokens.neg[i] ? 0x5bd1e995 : 0);
    if (t === '?') qmarks++;
    else if (t === '!') excl++;
    else if (t === '"') quotes++;
    const kind = tokens.kind[i]!;
    if (!(kind & IS_PUNCT)) {
      words++;
      hashed.push(h & mask);
      spanFrom.push(i);
      spanTo.push(i + 1);
      if (t.length >= PREFIX_MIN) {
        // Word start as a second feature: "confirm", "confirmed", "confirmation" share it,
        // and so do many misspellings.
        hashed.push(fnv(t, 0x3c6ef372, PREFIX) & mask);
        spanFrom.push(i);
        spanTo.push(i + 1);
      }
      if (kind & IS_NEGATOR) negs++;
      if (t === 'you' || t === "you're" || t === 'your' || t === 'youre' || t === 'u') you++;
      const r = raw[i]!;
      if (r.length > 2 && isAllCaps(r)) caps++;
    }
    hashed.push(mix(prev, h) & mask);
    spanFrom.push(Math.max(i - 1, 0));
    spanTo.push(i + 1);
    prev = h;
  }
  hashed.push(mix(prev, 0x68e31da4) & mask); // end-of-comment bigram ("?" at the end, ...)
  spanFrom.push(Math.max(w.length - 1, 0));
  spanTo.push(w.length);

  const senti = sentiment(tokens, caps > 0 && caps < words * 0.5);
  dense[F.pos] = Math.min(senti.pos / 2, 3);
  dense[F.neg] = Math.min(senti.neg / 2, 3);
  dense[F.bal] = senti.compound;
  dense[F.negPos] = Math.min(senti.negatedPositive.length, 3);
  dense[F.negNeg] = Math.min(senti.negatedNegative.length, 3);
  dense[F.qmark] = qmarks > 0 ? 1 : 0;
  let last = w.length - 1;
  while (last >= 0 && (w[last] === '<url>' || w[last] === '<user>' || w[last] === '"')) last--;
  dense[F.endQ] = last >= 0 && w[last] === '?' ? 1 : 0;
  dense[F.excl] = Math.min(excl, 3) / 3;
  dense[F.link] = w.includes('<url>') ? 1 : 0;
  dense[F.addr] = w[0] === '<user>' ? 1 : 0;
  dense[F.len] = Math.log1p(words) / 4;
  dense[F.short] = words <= 3 ? 1 : 0;
  dense[F.caps] = caps > 0 ? 1 : 0;
  dense[F.quotes] = quotes >= 2 ? 1 : 0;
  dense[F.negation] = Math.min(negs, 3) / 3;
  dense[F.you] = Math.min(you, 3) / 3;
  dense[F.negQ] = qmarks > 0 && (negs > 0 || senti.neg > 0) ? 1 : 0;
  dense[F.qYou] = qmarks > 0 && you > 0 ? 1 : 0;
  // Strong negative words, "?!" or shouting inside a question: it argues rather than asks.
  dense[F.loadedQ] = qmarks > 0 && (senti.neg >= 2 || excl > 0 || caps > 0) ? 1 : 0;
  const hits = matchRules(tokens);
  for (const hit of hits) dense[RULE_OFFSET + hit.rule] = Math.min(dense[RULE_OFFSET + hit.rule]! + 1, 3);
  if (ctx) {
    if (ctx.kind === 'post') dense[F.post] = 1;
    else dense[F.news] = 1;
  }
  if (ctx && ctx.size > 0) {
    dense[F.art] = Math.min(overlap(tokens, ctx.keyTerms), 2);
    let a = 0;
    for (const x of w) if (ctx.actors.has(x)) a++;
    dense[F.actors] = Math.min(a, 3) / 3;
    // Repeating the claim's words with no doubt, denial or question: affirming it (RumourEval's
    // "support" is mostly this).
    if (qmarks === 0 && negs === 0 && (DENIAL < 0 || dense[RULE_OFFSET + DENIAL] === 0)) dense[F.restates] = dense[F.art]!;
  }
  dense[F.irony] = SARCASM >= 0 && dense[RULE_OFFSET + SARCASM]! > 0 && senti.pos > 0 ? 1 : 0;
  if (parentText !== undefined) {
    dense[F.reply] = 1;
    const parent = parentSummary(parentText);
    dense[F.par] = Math.min(overlap(tokens, parent.stems), 2);
    dense[F.polarity] = senti.compound * parent.compound;
    dense[F.parentAsks] = parent.asks ? 1 : 0;
  }
  return { hashed, hashScale: 1 / Math.sqrt(Math.max(1, hashed.length / HASH_NORM)), spanFrom, spanTo, dense, tokens, hits, senti };
}
