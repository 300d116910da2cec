// Reply inference for flat comment lists: which earlier comment does each comment answer?
//
// Explicit links first ("@handle", "handle:" openings, quoting an earlier comment), then an implicit
// link to the comment just before when enough cues agree (see implicitLink). Every inferred link
// carries parentInferred, a confidence in [0,1] and the evidence, and is made only above
// MIN_CONFIDENCE. Rules: a parent is always earlier (so no cycles); an inferred link never joins two
// comments by the same author (answering yourself is not a reply); "@someone" who has not commented
// before gives no link. Linear: authors in a Map, quotes via a rolling shingle index, implicit links
// look back at most IMPLICIT_LOOKBACK comments.
import type { Comment } from './types';
import { OPENING_ANSWERS, OPENING_CONJUNCTIONS, quoteKey, quotes, words } from './reply-cues';
import { QUOTE_WINDOW, QuoteIndex } from './quote-index';
import { implicitLink, TopicStats } from './implicit-link';

export const MIN_CONFIDENCE = 0.5;

export interface InferOptions {
  /** The article's text: passages quoted from it are not evidence of replying to a comment. */
  articleText?: string;
  /** The caller guarantees distinct ids (the dump reader, buildThread): no id -> index map needed. */
  uniqueIds?: boolean;
}

interface Link { parent: number; confidence: number; evidence: string }

export function inferReplies(comments: Comment[], options: InferOptions = {}): Comment[] {
  const n = comments.length;
  // Links found so far, by index; the output objects are built once at the end.
  const links: (Link | undefined)[] = new Array<Link | undefined>(n);
  // Authors interned once as small ints (lower-case key): every later author test is an int compare
  // instead of a fresh toLowerCase() and string hash per call, which dominated large threads.
  const authorIds = new Map<string, number>(); // lower-case author -> id
  const aid = new Int32Array(n); // -1: no author ("" never matches anyone, not even itself)
  for (let i = 0; i < n; i++) {
    const a = comments[i]!.author;
    if (a === '') { aid[i] = -1; continue; }
    const key = a.toLowerCase();
    let id = authorIds.get(key);
    if (id === undefined) { id = authorIds.size; authorIds.set(key, id); }
    aid[i] = id;
  }
  let longestAuthor = 0;
  for (const key of authorIds.keys()) longestAuthor = Math.max(longestAuthor, key.length);
  const latest = new Int32Array(authorIds.size).fill(-1); // author id -> latest index so far
  const first = new Int32Array(authorIds.size).fill(-1); // author id -> first index
  const latestBy: AuthorLookup = (key) => {
    if (key.length > longestAuthor) return undefined; // most "Word, …" openings name nobody: no hash
    const id = authorIds.get(key);
    return id === undefined || latest[id]! < 0 ? undefined : latest[id];
  };
  const articleKey = quoteKey(options.articleText ?? '');
  const quoted = comments.map((c) => (c.parentId === undefined ? quotes(c.text) : []));
  // Index a comment's words only if a quoting comment follows within the index window.
  const indexUntil = new Int32Array(n).fill(-1);
  for (let i = n - 1, next = -1; i >= 0; i--) {
    indexUntil[i] = next;
    if (quoted[i]!.length > 0) next = i;
  }
  const quoteIndex = n > 0 && indexUntil[0] !== -1 ? new QuoteIndex() : null;
  const topics = new TopicStats(comments, options.articleText ?? '');
  const sameAuthor = (a: number, b: number): boolean => aid[a]! >= 0 && aid[a] === aid[b];
  // id -> latest index so far. Built lazily, and only where ids may repeat or a parent is marked up.
  const indexById = new Map<string, number>();
  let indexed = 0; // comments [0, indexed) are in indexById
  let current = 0;
  const ctx = {
    comments, topics, sameAuthor,
    firstBy: (i: number) => (aid[i]! < 0 || first[aid[i]!]! < 0 ? undefined : first[aid[i]!]),
    parentIndexOf: (p: number) => {
      const link = links[p];
      if (link !== undefined && options.uniqueIds === true) return link.parent;
      const id = link === undefined ? comments[p]!.parentId : comments[link.parent]!.id;
      if (id === undefined) return undefined;
      for (; indexed < current; indexed++) indexById.set(comments[indexed]!.id, indexed);
      return indexById.get(id);
    },
  };

  for (let i = 0; i < n; i++) {
    const c = comments[i]!;
    current = i;
    if (c.parentId === undefined) {
      const address = addressLink(c.text, latestBy);
      // null: addressed to someone who has not commented here; no other evidence overrides that.
      const link = address === null ? undefined : address ??
        quoteLink(comments, i, quoted[i]!, quoteIndex, articleKey, sameAuthor) ??
        implicitLink(ctx, i);
      if (link && link.confidence >= MIN_CONFIDENCE && link.parent < i && !sameAuthor(link.parent, i)) links[i] = link;
    }
    const a = aid[i]!;
    if (a >= 0) {
      latest[a] = i;
      if (first[a]! < 0) first[a] = i;
    }
    const next = indexUntil[i]!;
    if (quoteIndex && next >= 0 && next - i <= QUOTE_WINDOW) quoteIndex.add(i, quoteKey(c.text));
  }
  return comments.map((c, i) => {
    const link = links[i];
    if (link === undefined) return { ...c };
    // Not `{ ...c, parentId }` nor assigning onto a spread copy: in V8 each such object gets a map
    // of its own (~5 µs and ~400 bytes per comment); Object.assign onto {} shares one transition.
    const o: Comment = Object.assign({}, c);
    o.parentId = comments[link.parent]!.id;
    o.parentInferred = true;
    o.parentConfidence = Math.round(link.confidence * 100) / 100;
    o.parentEvidence = link.evidence;
    return o;
  });
}

/** The latest index so far of the author with this lower-case name, if they have commented. */
type AuthorLookup = (lowerCaseName: string) => number | undefined;

/**
 * "@handle …" or "handle: …" / "handle, …" openings naming an earlier author. Handles of sites
 * that allow spaces ("John Smith") are tried as the first four, three, two, one words.
 * An "@" naming nobody known stops the search: the comment answers someone, just not someone here.
 */
function addressLink(text: string, latestBy: AuthorLookup): Link | null | undefined {
  const t = text.trimStart();
  const at = /^@(\S+(?:[ \t]+\S+){0,3})/u.exec(t);
  if (at) {
    const hit = longestAuthorPrefix(at[1]!, latestBy);
    if (!hit) return null; // explicit address to an unknown person: no link, not even implicit
    return { parent: hit.index, confidence: 0.95, evidence: `@${hit.name}` };
  }
  const named = /^([^\s:,@>][^:,\n]{0,59})([:,])\s/u.exec(t);
  if (named) {
    const hit = longestAuthorPrefix(named[1]!, latestBy, true);
    if (!hit) return undefined;
    const first = words(hit.name)[0] ?? '';
    // "So, …" or "No, …" are openings, not names, unless a commenter really is called that.
    const wordLike = OPENING_ANSWERS.has(first) || OPENING_CONJUNCTIONS.has(first);
    const confidence = named[2] === ':' ? 0.9 : wordLike ? 0.55 : 0.75;
    return { parent: hit.index, confidence, evidence: `addressed as "${hit.name}${named[2]}"` };
  }
  return undefined;
}

function longestAuthorPrefix(
  s: string, latestBy: AuthorLookup, exact = false,
): { name: string; index: number } | null {
  const all = s.trim().split(/[ \t]+/);
  if (exact && all.length > 4) return null;
  const parts = all.slice(0, 4);
  for (let k = parts.length; k >= 1; k--) {
    if (exact && k !== parts.length) break; // "handle:" must name the whole prefix before the colon
    const raw = parts.slice(0, k).join(' ');
    for (const name of [raw, raw.replace(/[.,:;!?)\]'"’]+$/u, '')]) {
      const index = latestBy(name.toLowerCase());
      if (index !== undefined) return { name, index };
    }
  }
  return null;
}

function quoteLink(
  comments: readonly Comment[], i: number, qs: ReturnType<typeof quotes>, index: QuoteIndex | null, articleKey: string,
  sameAuthor: (a: number, b: number) => boolean,
): Link | undefined {
  if (!index) return undefined;
  for (const q of qs) {
    const key = quoteKey(q.text);
    if (articleKey.includes(key)) continue; // quoting the article, not a commenter
    const j = index.find(key, (k) => k < i && !sameAuthor(k, i));
    if (j !== undefined) {
      return { parent: j, confidence: q.kind === 'block' ? 0.9 : 0.8, evidence: `quotes ${comments[j]!.id}'s "${clip(q.text)}"` };
    }
  }
  return undefined;
}

function clip(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}
