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
}

const TOKEN_RE = /https?:\/\/\S+|www\.\S+|@\w+|#\w+|\+1\b|\/s\b|(?:[a-z]\.){2,}|[a-z0-9]+(?:['’][a-z]+)*|[?!.,;:\n"“”]/gi;
const SENTENCE_END = new Set(['.', '!', '?', '\n']);
const PUNCT = new Set(['.', '!', '?', '\n', ',', ';', ':', '"']);
// Bounded work on pathological input; a comment's stance shows long before this many tokens.
const MAX_TOKENS = 2000;
const MAX_SCOPE = 5; // VADER looks 3 words back; a slightly longer forward scope suits comments

export function isNegator(w: string): boolean {
  return NEGATORS.has(w) || w.endsWith("n't");
}

export function isPunct(w: string): boolean {
  return PUNCT.has(w);
}

const DIGITS = /^[0-9]+$/;

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
  return m.includes('’') ? m.replace(/’/g, "'") : m;
}

export function tokenize(text: string): Tokens {
  const w: string[] = [];
  const raw: string[] = [];
  const start: boolean[] = [];
  const neg: boolean[] = [];
  let atStart = true;
  let scope = 0;
  // Lower-case once; fall back to per-token lower-casing when that changes the length (rare scripts).
  const lower = text.toLowerCase();
  const same = lower.length === text.length;
  const re = new RegExp(TOKEN_RE.source, 'gi');
  for (let m = re.exec(text); m !== null && w.length < MAX_TOKENS; m = re.exec(text)) {
    const s = m[0];
    const t = normalise(same ? lower.slice(m.index, m.index + s.length) : s.toLowerCase());
    w.push(t);
    raw.push(s);
    const punct = PUNCT.has(t);
    start.push(atStart && !punct && t !== '<user>');
    neg.push(scope > 0 && !punct);
    if (SENTENCE_END.has(t)) atStart = true;
    else if (t !== '<user>' && t !== '"') atStart = false;
    if (punct || SCOPE_BREAKERS.has(t)) scope = 0;
    else if (isNegator(t)) scope = MAX_SCOPE;
    else if (scope > 0) scope--;
  }
  return { w, raw, start, neg };
}

/** Crude stem so "cooperation" meets "cooperate" and "shells" meets "shell". */
export function stem(word: string): string {
  const w = word.endsWith("'s") ? word.slice(0, -2) : word;
  return w.length > 6 ? w.slice(0, 6) : w.endsWith('s') && w.length > 3 ? w.slice(0, -1) : w;
}
