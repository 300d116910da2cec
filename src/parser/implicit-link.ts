// The implicit reply: a comment answering the one just before it without naming anyone, as in the
// seed's "And the consequences for that will be...." under deanzaZZR's comment. Cues add up:
//   opening conjunction or answer word   +0.35 / +0.40
//   back-reference in the first words    +0.15 .. +0.25 ("you", "for that", "That is…")
//   short comment                        +0.10 (<= 20 words), +0.05 (<= 40)
//   shared uncommon content words        +0.10 each, at most +0.25 (not article words, not topic words)
//   author returns to the conversation   +0.10, +0.20 when the previous comment answered them
// A link needs MIN_CONFIDENCE (0.5): one cue alone is never enough.
import type { Comment } from './types';
import {
  backReference, CJK_OPENERS, contentStems, isContentWord, OPENING_ANSWERS, OPENING_CONJUNCTIONS, stem, words,
} from './reply-cues';

export const IMPLICIT_LOOKBACK = 3; // skip at most a couple of own follow-up posts
const MIN_IMPLICIT = 0.5; // = MIN_CONFIDENCE in replies.ts (not imported: that would be a cycle)

/**
 * How common each content word is across the thread; article words are topic, not evidence.
 * Also keeps what implicitLink needs of each comment's opening, so no word list outlives its
 * comment's tokenisation (keeping 100k of them alive was most of the parser's GC time).
 */
export class TopicStats {
  readonly first: string[] = []; // first word of each comment ("" when none)
  readonly back: (string | null)[] = []; // backReference of each comment's first words
  readonly length: Int32Array; // word count of each comment
  private stems = new Int32Array(1024); // distinct content-stem ids of all comments, back to back
  private readonly start: Int32Array; // comment i's stems are stems[start[i] .. start[i+1])
  private readonly ids = new Map<string, number>(); // stem -> id
  private readonly wordStem = new Map<string, number>(); // word -> stem id, -1 for no content word
  private readonly names: string[] = [];
  private readonly df: number[] = [];
  private readonly maxDf: number;
  private readonly mark: Int32Array; // stem id -> stamp of the last shared() call that saw it
  private stamp = 0;

  constructor(comments: readonly Comment[], articleText: string) {
    const n = comments.length;
    this.length = new Int32Array(n);
    this.start = new Int32Array(n + 1);
    const last: number[] = []; // id -> last comment index it was counted for (per-comment dedupe)
    let at = 0;
    for (let i = 0; i < n; i++) {
      const ws = words(comments[i]!.text); // the one tokenisation per comment: it is the hot path
      this.start[i] = at;
      for (const w of ws) {
        const id = this.stemId(w, last);
        if (id < 0 || last[id] === i) continue;
        last[id] = i;
        if (at === this.stems.length) this.grow();
        this.stems[at++] = id;
        this.df[id]!++;
      }
      this.first.push(ws[0] ?? '');
      this.back.push(backReference(ws));
      this.length[i] = ws.length;
    }
    this.start[n] = at;
    this.maxDf = Math.max(3, Math.ceil(n * 0.1)); // in more comments: thread topic
    this.mark = new Int32Array(this.names.length);
    for (const s of contentStems(articleText)) {
      const id = this.ids.get(s);
      if (id !== undefined) this.df[id] = Infinity; // article words never count as shared
    }
  }

  /** The stem id of a word, -1 when it is no content word; one Map lookup for a word seen before. */
  private stemId(w: string, last: number[]): number {
    let id = this.wordStem.get(w);
    if (id !== undefined) return id;
    id = -1;
    if (isContentWord(w)) {
      const s = stem(w);
      id = this.ids.get(s) ?? -1;
      if (id < 0) { id = this.names.length; this.ids.set(s, id); this.names.push(s); this.df.push(0); last.push(-1); }
    }
    this.wordStem.set(w, id);
    return id;
  }

  private grow(): void {
    const bigger = new Int32Array(this.stems.length * 2);
    bigger.set(this.stems);
    this.stems = bigger;
  }

  /** Shared uncommon content stems of comments a and b, in a's order. */
  shared(a: number, b: number): string[] {
    // Stamp b's stems instead of building a Set per call: this runs for most comments.
    const stamp = ++this.stamp;
    for (let k = this.start[b]!; k < this.start[b + 1]!; k++) this.mark[this.stems[k]!] = stamp;
    const out: string[] = [];
    for (let k = this.start[a]!; k < this.start[a + 1]!; k++) {
      const id = this.stems[k]!;
      if (this.mark[id] === stamp && this.df[id]! <= this.maxDf) out.push(this.names[id]!);
    }
    return out;
  }
}

export interface ImplicitContext {
  comments: readonly Comment[];
  /** index of comment p's parent (markup or inferred so far; earlier comments are final) */
  parentIndexOf: (p: number) => number | undefined;
  topics: TopicStats;
  sameAuthor: (a: number, b: number) => boolean;
  firstBy: (i: number) => number | undefined; // index of comment i's author's first comment
}

export function implicitLink(
  ctx: ImplicitContext, i: number,
): { parent: number; confidence: number; evidence: string } | undefined {
  const { comments, sameAuthor } = ctx;
  let p = -1;
  for (let j = i - 1; j >= Math.max(0, i - IMPLICIT_LOOKBACK); j--) {
    if (!sameAuthor(j, i)) { p = j; break; }
  }
  if (p < 0) return undefined;
  const text = comments[i]!.text;
  const nWords = ctx.topics.length[i]!;
  const cues: string[] = [];
  let score = 0;

  const w0 = ctx.topics.first[i]!;
  if (OPENING_CONJUNCTIONS.has(w0)) { score += 0.35; cues.push(`opens with "${w0}"`); }
  else if (OPENING_ANSWERS.has(w0)) { score += 0.4; cues.push(`opens with "${w0}"`); }
  else {
    const start = text.trimStart();
    const opener = CJK_OPENERS.find((o) => start.startsWith(o));
    if (opener) { score += 0.35; cues.push(`opens with "${opener}"`); }
  }
  const back = ctx.topics.back[i]!;
  if (back) {
    score += back.includes(' ') || back.startsWith('you') ? 0.2 : 0.15;
    cues.push(`refers back ("${back}")`);
  }
  if (nWords <= 20) { score += 0.1; cues.push('short'); } else if (nWords <= 40) score += 0.05;
  // Overlap (+0.25) and a returning author (+0.2) are the most the remaining cues can add.
  if (score + 0.45 < MIN_IMPLICIT) return undefined;
  const shared = ctx.topics.shared(i, p);
  if (shared.length > 0) {
    score += Math.min(0.25, 0.1 * shared.length);
    cues.push(`shares ${shared.slice(0, 3).map((w) => `"${w}"`).join(', ')}`);
  }
  const pAnswered = ctx.parentIndexOf(p);
  const first = ctx.firstBy(i);
  if (pAnswered !== undefined && sameAuthor(pAnswered, i)) {
    score += 0.2; cues.push('previous comment answered this author');
  } else if (first !== undefined && first < p) {
    score += 0.1; cues.push('author returns');
  }
  // Below the threshold the caller drops the link anyway: skip building its evidence text.
  if (score < MIN_IMPLICIT) return undefined;
  return { parent: p, confidence: Math.min(0.9, score), evidence: `follows ${comments[p]!.id}: ${cues.join('; ')}` };
}
