// buildThread: adapter output (RawPage) -> Thread. Same length and order as raw.comments:
// comment i of the Thread is raw comment i (the UI pairs them with page elements by index).
import type { Article, Comment, RawComment, RawPage, Thread } from './types';
import { normalizeLine, normalizeText, splitLines } from './normalize';
import { inferReplies } from './replies';

export function buildThread(raw: RawPage): Thread {
  const plan = planThread(raw);
  for (let i = 0; i < raw.comments.length; i++) plan.comment(i);
  return plan.finish();
}

/** One comment as far as it alone tells: its fields normalized, its markup parent's index. */
interface Part {
  author: string;
  text: string;
  time?: string;
  placeholder?: Comment['placeholder'];
  parent: number | undefined;
}

/**
 * buildThread in stages, for a caller that spreads it over tasks (50,000 comments took ~55 ms in
 * one): comment(i) for i = 0, 1, 2… in order (the normalizing, most of the work), then finish()
 * (ids, parents, guessed replies on a flat list). The same thread as buildThread's.
 */
export function planThread(raw: RawPage): { comment(i: number): void; finish(): Thread } {
  const parts: Part[] = [];
  const scan = new MarkupParents();
  return {
    comment: (i) => {
      if (i !== parts.length) throw new Error(`planThread: comment ${i} out of order`);
      const rc = raw.comments[i]!;
      const part: Part = { author: normalizeLine(rc.author ?? ''), text: normalizeText(rc.text), parent: scan.next(rc) };
      const time = rc.time?.trim();
      if (time) part.time = time;
      if (rc.placeholder) part.placeholder = rc.placeholder;
      parts.push(part);
    },
    finish: () => {
      if (parts.length !== raw.comments.length) throw new Error('planThread: finish() before every comment');
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
    },
  };
}

function buildArticle(raw: RawPage): Article {
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
 * nearest earlier one when ids repeat), else from depth: the nearest earlier comment one level up.
 * A parentId naming a later, unknown or own comment is ignored rather than trusted.
 */
class MarkupParents {
  private byRawId = new Map<string, number>();
  private lastAtDepth: number[] = [];
  private i = 0;

  next(c: RawComment): number | undefined {
    const i = this.i++;
    let parent: number | undefined;
    const pid = c.parentId?.trim();
    if (pid) parent = this.byRawId.get(pid);
    const depth = c.depth !== undefined && Number.isInteger(c.depth) && c.depth > 0 ? c.depth : 0;
    if (parent === undefined && depth > 0) parent = this.lastAtDepth[depth - 1];
    const rawId = c.id?.trim();
    if (rawId) this.byRawId.set(rawId, i);
    this.lastAtDepth[depth] = i;
    return parent;
  }
}
