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

/** How common each content word is across the thread; article words are topic, not evidence. */
export class TopicStats {
  readonly opening: string[][] = []; // first 8 words of each comment
  readonly length: number[] = []; // word count of each comment
  private readonly stems: number[][] = []; // distinct content-stem ids of each comment
  private readonly ids = new Map<string, number>(); // stem -> id: one Map lookup per word
  private readonly names: string[] = [];
  private readonly df: number[] = [];
  private readonly maxDf: number;

  constructor(comments: readonly Comment[], articleText: string) {
    const last: number[] = []; // id -> last comment index it was counted for (per-comment dedupe)
    comments.forEach((c, i) => {
      const ws = words(c.text); // the one tokenisation per comment: it is the hot path
      const stems: number[] = [];
      for (const w of ws) {
        if (!isContentWord(w)) continue;
        const s = stem(w);
        let id = this.ids.get(s);
        if (id === undefined) { id = this.names.length; this.ids.set(s, id); this.names.push(s); this.df.push(0); last.push(-1); }
        if (last[id] === i) continue;
        last[id] = i;
        stems.push(id);
        this.df[id]!++;
      }
      this.stems.push(stems);
      this.opening.push(ws.slice(0, 8));
      this.length.push(ws.length);
    });
    this.maxDf = Math.max(3, Math.ceil(comments.length * 0.1)); // in more comments: thread topic
    for (const s of contentStems(articleText)) {
      const id = this.ids.get(s);
      if (id !== undefined) this.df[id] = Infinity; // article words never count as shared
    }
  }

  shared(a: number, b: number): string[] {
    const sb = new Set(this.stems[b]);
    return this.stems[a]!.filter((id) => sb.has(id) && this.df[id]! <= this.maxDf).map((id) => this.names[id]!);
  }
}

export interface ImplicitContext {
  comments: readonly Comment[];
  inferred: readonly Comment[]; // links made so far (earlier comments are final)
  topics: TopicStats;
  sameAuthor: (a: number, b: number) => boolean;
  firstBy: (i: number) => number | undefined; // index of comment i's author's first comment
  indexOf: (id: string) => number | undefined;
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
  const ws = ctx.topics.opening[i]!;
  const nWords = ctx.topics.length[i]!;
  const cues: string[] = [];
  let score = 0;

  const w0 = ws[0] ?? '';
  if (OPENING_CONJUNCTIONS.has(w0)) { score += 0.35; cues.push(`opens with "${w0}"`); }
  else if (OPENING_ANSWERS.has(w0)) { score += 0.4; cues.push(`opens with "${w0}"`); }
  else {
    const start = text.trimStart();
    const opener = CJK_OPENERS.find((o) => start.startsWith(o));
    if (opener) { score += 0.35; cues.push(`opens with "${opener}"`); }
  }
  const back = backReference(ws);
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
  const parentOfP = ctx.inferred[p]!.parentId;
  const pAnswered = parentOfP === undefined ? undefined : ctx.indexOf(parentOfP);
  const first = ctx.firstBy(i);
  if (pAnswered !== undefined && sameAuthor(pAnswered, i)) {
    score += 0.2; cues.push('previous comment answered this author');
  } else if (first !== undefined && first < p) {
    score += 0.1; cues.push('author returns');
  }
  if (score <= 0) return undefined;
  return { parent: p, confidence: Math.min(0.9, score), evidence: `follows ${comments[p]!.id}: ${cues.join('; ')}` };
}
