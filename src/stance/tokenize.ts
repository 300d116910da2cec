// Tokenizer shared by features, rules and the article context. One pass, no allocation per char.
import { NEGATORS, SCOPE_BREAKERS } from './lexicon/negators';

export interface Tokens {
  /** lower-cased tokens; urls -> "<url>", @handles -> "<user>", numbers -> "<num>" */
  w: string[];
  /** original spelling, for ALL-CAPS emphasis and actor names ("U.S." stays one token) */
  raw: string[];
  /** token opens a sentence (leading @handles are skipped over, as in tweets) */
  start: boolean[];
  /** token lies inside a negation scope ("won't [work]") */
  neg: boolean[];
  /** per token: IS_PUNCT | IS_NEGATOR bits, so later layers need not look the token up again */
  kind: number[];
}

export const IS_PUNCT = 1;
export const IS_NEGATOR = 2;

const TOKEN_RE = /https?:\/\/\S+|www\.\S+|@\w+|#\w+|\+1\b|\/s\b|(?:[a-z]\.){2,}|[a-z0-9]+(?:['’][a-z]+)*|[?!.,;:\n"“”]/gi;
const PUNCT = new Set(['.', '!', '?', '\n', ',', ';', ':', '"']);
// Bounded work on pathological input; a comment's stance shows long before this many tokens.
const MAX_TOKENS = 2000;
const MAX_SCOPE = 5; // VADER looks 3 words back; a slightly longer forward scope suits comments

// What the tokenizer's scope and sentence logic needs to know of a token, in one lookup
// instead of four set lookups per token (this runs for every token of every comment).
const P = 1; // punctuation
const END = 2; // ends a sentence
const BREAK = 4; // ends a negation scope
const NEGATES = 8; // opens a negation scope
const FLAGS = new Map<string, number>();
const flag = (w: string, f: number): void => { FLAGS.set(w, (FLAGS.get(w) ?? 0) | f); };
for (const w of PUNCT) flag(w, P);
for (const w of ['.', '!', '?', '\n']) flag(w, END);
for (const w of SCOPE_BREAKERS) flag(w, BREAK);
for (const w of NEGATORS) flag(w, NEGATES);


const DIGITS = /^[0-9]+$/;
const CURLY = /’/g;

/** Token text from its lower-cased spelling `m` (raw spelling `r` decides urls/handles). */
function normalise(m: string): string {
  const c = m.charCodeAt(0);
  if ((c === 104 /* h */ || c === 119 /* w */) && (m.startsWith('http') || m.startsWith('www.'))) {
    if (m.startsWith('http://') || m.startsWith('https://') || m.startsWith('www.')) return '<url>';
  }
  if (c === 64 /* @ */) return '<user>';
  if (c === 35 /* # */) return m.slice(1);
  if (c >= 48 && c <= 57 && DIGITS.test(m)) return '<num>';
  if (c === 8220 || c === 8221 /* curly double quotes */) return '"';
  return m.includes('’') ? m.replace(CURLY, "'") : m;
}

// One regex object reused (tokenize never re-enters itself); lastIndex is reset per call.
const RE = new RegExp(TOKEN_RE.source, 'gi');

export function tokenize(text: string): Tokens {
  const w: string[] = [];
  const raw: string[] = [];
  const start: boolean[] = [];
  const neg: boolean[] = [];
  const kind: number[] = [];
  let atStart = true;
  let scope = 0;
  // Lower-case once; fall back to per-token lower-casing when that changes the length (rare scripts).
  const lower = text.toLowerCase();
  const same = lower.length === text.length;
  const re = RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && w.length < MAX_TOKENS; m = re.exec(text)) {
    const s = m[0];
    const t = normalise(same ? lower.slice(m.index, m.index + s.length) : s.toLowerCase());
    w.push(t);
    raw.push(s);
    const f = FLAGS.get(t) ?? 0;
    const punct = (f & P) !== 0;
    start.push(atStart && !punct && t !== '<user>');
    neg.push(scope > 0 && !punct);
    if (f & END) atStart = true;
    else if (t !== '<user>' && t !== '"') atStart = false;
    const negator = !punct && ((f & NEGATES) !== 0 || t.endsWith("n't"));
    kind.push(punct ? IS_PUNCT : negator ? IS_NEGATOR : 0);
    if (punct || f & BREAK) scope = 0;
    else if (negator) scope = MAX_SCOPE;
    else if (scope > 0) scope--;
  }
  re.lastIndex = 0;
  return { w, raw, start, neg, kind };
}

/** Crude stem so "cooperation" meets "cooperate" and "shells" meets "shell". */
export function stem(word: string): string {
  const w = word.endsWith("'s") ? word.slice(0, -2) : word;
  return w.length > 6 ? w.slice(0, 6) : w.endsWith('s') && w.length > 3 ? w.slice(0, -1) : w;
}

/** r === r.toUpperCase() && r !== r.toLowerCase() (ALL CAPS), without building two strings for ASCII words. */
export function isAllCaps(r: string): boolean {
  let upper = false;
  for (let i = 0; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (c >= 97 && c <= 122) return false; // a lower-case letter
    if (c >= 65 && c <= 90) upper = true;
    else if (c > 127) return r === r.toUpperCase() && r !== r.toLowerCase(); // other scripts: the exact test
  }
  return upper;
}

/** True for the characters that attach to the word before them: ? ! . , ; : */
function attaches(c: number): boolean {
  return c === 63 || c === 33 || c === 46 || c === 44 || c === 59 || c === 58;
}

/**
 * Tokens [from, to) as text: joined by spaces, no space before ? ! . , ; : — the same as
 * raw.slice(from, to).join(' ').replace(/ ([?!.,;:])/g, '$1') without the array and the regex
 * (cue text is built for every comment).
 */
export function joinTokens(raw: readonly string[], from: number, to: number): string {
  const end = Math.min(to, raw.length);
  if (from >= end) return '';
  let out = raw[from]!;
  for (let k = from + 1; k < end; k++) {
    const r = raw[k]!;
    out += attaches(r.charCodeAt(0)) ? r : ' ' + r;
  }
  return out;
}
