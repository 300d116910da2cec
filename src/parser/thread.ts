// buildThread: adapter output (RawPage) -> Thread. Same length and order as raw.comments:
// comment i of the Thread is raw comment i (the UI pairs them with page elements by index).
import type { Article, Comment, RawComment, RawPage, Thread } from './types';
import { normalizeLine, normalizeText, splitLines } from './normalize';
import { inferReplies } from './replies';

export function buildThread(raw: RawPage): Thread {
  const article = buildArticle(raw);
  const ids = assignIds(raw.comments);
  const parents = markupParents(raw.comments);
  const comments: Comment[] = raw.comments.map((rc, i) => {
    const c: Comment = { id: ids[i]!, author: normalizeLine(rc.author ?? ''), text: normalizeText(rc.text) };
    const time = rc.time?.trim();
    if (time) c.time = time;
    if (rc.placeholder) c.placeholder = rc.placeholder;
    const p = parents[i];
    if (p !== undefined) c.parentId = ids[p]!;
    return c;
  });
  // Nested markup already says who answers whom; guessing is for flat lists only.
  const flat = parents.every((p) => p === undefined) && raw.comments.every((c) => !(c.depth && c.depth > 0));
  return { article, comments: flat ? inferReplies(comments, { articleText: article.paragraphs.join('\n'), uniqueIds: true }) : comments };
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
 * Markup parent index per comment: raw.parentId naming an earlier comment's raw id (the nearest
 * earlier one when ids repeat), else from depth: the nearest earlier comment one level up.
 * A parentId naming a later, unknown or own comment is ignored rather than trusted.
 */
function markupParents(comments: readonly RawComment[]): (number | undefined)[] {
  const byRawId = new Map<string, number>();
  const lastAtDepth: number[] = [];
  return comments.map((c, i) => {
    let parent: number | undefined;
    const pid = c.parentId?.trim();
    if (pid) parent = byRawId.get(pid);
    const depth = c.depth !== undefined && Number.isInteger(c.depth) && c.depth > 0 ? c.depth : 0;
    if (parent === undefined && depth > 0) parent = lastAtDepth[depth - 1];
    const rawId = c.id?.trim();
    if (rawId) byRawId.set(rawId, i);
    lastAtDepth[depth] = i;
    return parent;
  });
}
