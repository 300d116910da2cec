// The words the gist compares comments by: content words (function words out, in English and in
// the other languages language.ts knows), and two-word phrases of adjacent content words within a
// sentence ("carbon tax", never "tax. Carbon"). Lower-cased; apostrophes dropped, so "don't" and
// "dont" are one word (and a stopword).
import { STOPWORDS } from '../stance/lexicon/stopwords';
import { isFunctionWord } from '../stance/language';

/** Common in comments of every stance, so never what sets one apart (on top of STOPWORDS). */
const FILLER = new Set('really think know going want thing things lot let im ive id youre isnt arent doesnt didnt wasnt'.split(' '));

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[.!?;:\n]/gu;
const DIGITS = /^\p{N}+$/u;
/** Bounded work on a huge comment: the gist needs its gist, not every word of 100 kB. */
const MAX_TOKENS = 1500;

export interface Terms {
  /** content words in order (repeats kept) */
  words: string[];
  /** unigrams and two-word phrases, each once */
  terms: Set<string>;
}

export function isContentWord(w: string): boolean {
  return w.length > 1 && !STOPWORDS.has(w) && !FILLER.has(w) && !isFunctionWord(w) && !DIGITS.test(w);
}

/** The comment's terms as strings (the tests, the CLI's checks); the gist itself uses eachTerm. */
export function readTerms(text: string): Terms {
  const words: string[] = [];
  const terms = new Set<string>();
  eachTerm(text, (t, bigram) => {
    if (!bigram) words.push(t);
    terms.add(t);
  });
  return { words, terms };
}

/**
 * Calls `emit` with each content word and each two-word phrase, in order (repeats included).
 * One pass, one lower-casing of the text: this runs over every comment of a 10,000-comment page.
 */
export function eachTerm(text: string, emit: (term: string, bigram: boolean) => void): void {
  let prev: string | null = null;
  let k = 0;
  TOKEN_RE.lastIndex = 0;
  const lower = text.toLowerCase();
  for (let m = TOKEN_RE.exec(lower); m; m = TOKEN_RE.exec(lower)) {
    if (++k > MAX_TOKENS) break;
    const tok = m[0];
    if (tok.length === 1 && BREAKS.includes(tok)) {
      prev = null; // a sentence break: no phrase across it
      continue;
    }
    const w = tok.includes("'") || tok.includes('’') ? tok.replace(APOS, '') : tok;
    if (!isContentWord(w)) {
      prev = null; // "tax of carbon" is not the phrase "tax carbon"
      continue;
    }
    emit(w, false);
    if (prev) emit(`${prev} ${w}`, true);
    prev = w;
  }
}

const BREAKS = '.!?;:\n';
const APOS = /['’]/g;
