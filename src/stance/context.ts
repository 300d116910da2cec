// The article context: computed once per article in prepare(), reused for every comment.
import type { Article } from '../parser/types';
import { STOPWORDS } from './lexicon/stopwords';
import { stem, tokenize } from './tokenize';

export interface ArticleContext {
  /** stems of the article's most frequent content words (its subject) */
  keyTerms: ReadonlySet<string>;
  /** lower-cased capitalised names from the article (actors: countries, people, bodies) */
  actors: ReadonlySet<string>;
  /** number of words read from the article (0 when there is no article text) */
  size: number;
  /**
   * 'post' when the "article" is a short social-media post (RumourEval's source tweets), 'news'
   * for a news page or a bare topic. The two kinds of thread have different base rates.
   */
  kind: 'post' | 'news';
  /** the text the comments answer, as read (a news page: title and lead, at most SOURCE_CHARS) */
  source?: string;
}
const SOURCE_CHARS = 600;
// Content words of a social post used as the article (tweets, Reddit posts); shorter text is a
// bare topic (VAST), longer a news story. A parsed Article is always a news page.
export const POST_MIN = 4;
const POST_MAX = 60;

const MAX_TERMS = 40;
const MAX_WORDS = 2000; // the lead carries the subject; long articles need not be read whole

export function isContentWord(w: string): boolean {
  if (w.length <= 2) return false;
  const c = w.charCodeAt(0);
  return c !== 60 /* < */ && (c < 48 || c > 57) /* not a digit */ && !STOPWORDS.has(w);
}

// Every comment asks "content word? its stem?" of each of its words, in two layers; the answer
// depends on the word alone, so it is kept (bounded: cleared when full). null = not a content word.
const STEMS = new Map<string, string | null>();
const STEMS_MAX = 50_000;

/** stem(w) when w is a content word, else null. */
export function contentStem(w: string): string | null {
  let s = STEMS.get(w);
  if (s !== undefined) return s;
  s = isContentWord(w) ? stem(w) : null;
  if (STEMS.size >= STEMS_MAX) STEMS.clear();
  STEMS.set(w, s);
  return s;
}

export function buildContext(article: Article | string): ArticleContext {
  const parts = typeof article === 'string' ? [article] : [article.title ?? '', ...article.paragraphs];
  const freq = new Map<string, number>();
  const actors = new Set<string>();
  const startCaps = new Set<string>();
  let size = 0;
  parts.forEach((part, p) => {
    if (size >= MAX_WORDS) return;
    const t = tokenize(part);
    // Title and first paragraph name the subject: count them double.
    const boost = p <= 1 ? 2 : 1;
    for (let i = 0; i < t.w.length && size < MAX_WORDS; i++) {
      const w = t.w[i]!;
      if (!isContentWord(w)) continue;
      size++;
      const s = stem(w);
      freq.set(s, (freq.get(s) ?? 0) + boost);
      const r = t.raw[i]!;
      const c = r.charCodeAt(0);
      if (c < 65 || c > 90) continue;
      // A capital mid-sentence marks a name; at a sentence start only when seen there twice.
      if (!t.start[i] || (r.length <= 5 && r === r.toUpperCase())) actors.add(w);
      else if (startCaps.has(w)) actors.add(w);
      else startCaps.add(w);
    }
  });
  const keyTerms = new Set(
    [...freq.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_TERMS)
      .map(([s]) => s),
  );
  const kind = typeof article !== 'string' || size < POST_MIN || size > POST_MAX ? 'news' : 'post';
  let source = parts[0] ?? '';
  for (let p = 1; p < parts.length && source.length < SOURCE_CHARS; p++) source += `\n${parts[p]}`;
  return { keyTerms, actors, size, kind, source: source.trim() };
}
