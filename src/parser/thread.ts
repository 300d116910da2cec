// buildThread: adapter output (RawPage) -> Thread. Same length and order as raw.comments:
// comment i of the Thread is raw comment i (the UI pairs them with page elements by index).
import type { Article, Comment, RawComment, RawPage, Thread } from './types';
import { drain, type Stage } from '../pipeline/stage';
import { DepthParents } from './depth-parents';
import { normalizeLine, normalizeText, splitLines } from './normalize';
import { inferReplies } from './replies';

export function buildThread(raw: RawPage): Thread {
  return drain(threadStage(raw));
}

/** One comment as far as it alone tells: its fields normalized, its markup parent's index. */
export interface Part {
  author: string;
  text: string;
  time?: string;
  placeholder?: Comment['placeholder'];
  parent: number | undefined;
}

/**
 * The thread stage: each comment normalized (most of the work; a unit each), then ids, parents
 * and guessed replies on a flat list.
 */
export function* threadStage(raw: RawPage, from?: ReadSoFar): Stage<Thread> {
  // parts[i] of raw.comments[i]: what a reader already made of the first ones is kept
  const parts: Part[] = from ? [...from.parts] : [];
  const reader = from?.reader ?? new PartReader();
  const n = raw.comments.length;
  for (let i = parts.length; i < n; i++) {
    parts.push(reader.next(raw.comments[i]!));
    yield { done: i + 1, total: n };
  }
  const article = buildArticle(raw);
  const ids = assignIds(raw.comments);
  const comments: Comment[] = parts.map((p, i) => {
    const c: Comment = { id: ids[i]!, author: p.author, text: p.text };
    if (p.time) c.time = p.time;
    if (p.placeholder) c.placeholder = p.placeholder;
    if (p.parent !== undefined) c.parentId = ids[p.parent]!;
    return c;
  });
  // Nested markup already says who answers whom; guessing is for flat lists only.
  const flat = parts.every((p) => p.parent === undefined) && raw.comments.every((c) => !(c.depth && c.depth > 0));
  return { article, comments: flat ? inferReplies(comments, { articleText: article.paragraphs.join('\n'), uniqueIds: true }) : comments };
}

/**
 * Comment after comment, what threadStage makes of each before it looks at the whole list: a
 * reader of comments as they come (the content script sends them to be labelled meanwhile) gets the
 * same parts from the same code.
 */
export class PartReader {
  private scan = new MarkupParents();

  next(rc: RawComment): Part {
    const part: Part = { author: normalizeLine(rc.author ?? ''), text: normalizeText(rc.text), parent: this.scan.next(rc) };
    const time = rc.time?.trim();
    if (time) part.time = time;
    if (rc.placeholder) part.placeholder = rc.placeholder;
    return part;
  }
}

/** What a PartReader made of a page's first comments, in order: threadStage goes on from there. */
export interface ReadSoFar {
  reader: PartReader;
  parts: readonly Part[];
}

/** The thread's article from the page's (what threadStage gives). */
export function buildArticle(raw: Pick<RawPage, 'article' | 'url'>): Article {
  const a = raw.article;
  // A paragraph is one line of running text: line breaks inside it are layout, not meaning.
  const paragraphs = a.paragraphs
    .map((p) => splitLines(p).map(normalizeLine).filter((l) => l !== '').join(' '))
    .filter((p) => p !== '');
  const article: Article = { paragraphs };
  const title = a.title === undefined ? '' : normalizeLine(a.title.replace(/\s+/g, ' '));
  if (title) article.title = title;
  if (a.date?.trim()) article.date = a.date.trim();
  if (a.source?.trim()) article.source = normalizeLine(a.source);
  if (raw.url) article.url = raw.url;
  return article;
}

/** The adapter's ids when every comment has a distinct one; otherwise "c1".."cN" for all. */
function assignIds(comments: readonly RawComment[]): string[] {
  const given = comments.map((c) => c.id?.trim() ?? '');
  const usable = given.every((id) => id !== '') && new Set(given).size === given.length;
  return usable ? given : comments.map((_, i) => `c${i + 1}`);
}

/**
 * Markup parent index per comment, in order: raw.parentId naming an earlier comment's raw id (the
 * nearest earlier one when ids repeat), else from depth (DepthParents). A parentId naming a later,
 * unknown or own comment is ignored rather than trusted.
 */
class MarkupParents {
  private byRawId = new Map<string, number>();
  private depths = new DepthParents<number>();
  private i = 0;

  next(c: RawComment): number | undefined {
    const i = this.i++;
    let parent: number | undefined;
    const pid = c.parentId?.trim();
    if (pid) parent = this.byRawId.get(pid);
    const depth = c.depth !== undefined && Number.isInteger(c.depth) && c.depth > 0 ? c.depth : 0;
    if (parent === undefined) parent = this.depths.parentOf(depth) ?? undefined;
    const rawId = c.id?.trim();
    if (rawId) this.byRawId.set(rawId, i);
    this.depths.add(depth, i);
    return parent;
  }
}
