// The plain-text dump reader and writer (format: DESIGN.md, reference: seeds/).
import type { Article, Comment, Thread } from './types';
import { DumpError } from './errors';
import { decodeInput } from './decode';
import { normalizeLine, normalizeText, splitLines } from './normalize';
import { formatCredit, isValidIsoDate, matchCredit, readHeader } from './dump-article';
import { handleScore, isHandleShaped, KNOWN_ELSEWHERE } from './handles';
import { assignRoles } from './line-roles';
import { inferReplies } from './replies';

interface Line { text: string; no: number; blankBefore: boolean } // no: 1-based line number

// A handle score this high (digits, "_", CamelCase, or an author seen elsewhere) at the very end of
// the file means a comment whose text is missing; a plain word there is read as text.
const STRONG_HANDLE = 2;

/** Parses a dump into a Thread; throws DumpError with a code and a 1-based line number. */
export function parseDump(input: string | Uint8Array): Thread {
  // Lines end at CR/LF only, as editors count them, so error line numbers match what people see.
  const raw = decodeInput(input).split(/\r\n|\r|\n/);
  const lines = raw.map(normalizeLine);
  const first = lines.findIndex((l) => l !== '');
  if (first < 0) throw new DumpError('empty', 'the dump is empty (no text at all)', 1);

  const header = readHeader(lines[first]!, first + 1);
  lines[first] = header.rest;
  // The header line always holds the first paragraph; without a header line 1 may already be a handle.
  const scanFrom = header.date !== undefined ? first + 1 : first;
  const { end, source } = findArticleEnd(lines, scanFrom);

  const paragraphs: string[] = [];
  for (let i = first; i <= end; i++) {
    let text = lines[i]!;
    if (i === end && source !== undefined) text = matchCredit(text)!.before;
    if (text !== '') paragraphs.push(text);
  }
  const article: Article = { paragraphs };
  if (header.date !== undefined) article.date = header.date;
  if (source !== undefined) article.source = source;

  const body: Line[] = [];
  let blank = false;
  for (let i = end + 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (text === '') { blank = true; continue; }
    body.push({ text, no: i + 1, blankBefore: blank });
    blank = false;
  }
  const comments = readComments(body);
  return { article, comments: inferReplies(comments, { articleText: paragraphs.join('\n'), uniqueIds: true }) };
}

function nextNonBlank(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i] !== '') return i;
  return -1;
}

/**
 * Index of the article's last line. With a credit: the first credit line followed by a handle-shaped
 * line or the end (a "©" quoted mid-article is not the end). Without: the line before the first
 * handle-like line that has text after it; article paragraphs are sentences, not single tokens.
 */
function findArticleEnd(lines: readonly string[], scanFrom: number): { end: number; source?: string } {
  let lastCredit: { end: number; source: string } | undefined;
  let lastAs: Map<string, number> | undefined; // handle-shaped line -> its last index, built on demand
  let authorAhead = -1; // the furthest later occurrence of a handle-shaped line seen so far
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i >= scanFrom && lastAs && isHandleShaped(line)) authorAhead = Math.max(authorAhead, lastAs.get(line)!);
    const credit = matchCredit(line);
    if (!credit) continue;
    if (!lastAs) {
      lastAs = lastIndexOfHandles(lines);
      for (let j = scanFrom; j < i; j++) if (isHandleShaped(lines[j]!)) authorAhead = Math.max(authorAhead, lastAs.get(lines[j]!)!);
    }
    // A token before this credit that comes back after it as a lone line is an author posting
    // again: the comments have begun, and this "credit" is a line of a comment. Taking it as the
    // article's end would silently turn the comments before it into article paragraphs.
    if (authorAhead > i) break;
    const next = nextNonBlank(lines, i + 1);
    if (next < 0 || isHandleShaped(lines[next]!)) return { end: i, source: credit.source };
    lastCredit ??= { end: i, source: credit.source };
  }
  // A token on several lines is an author posting more than once, even if it reads like a word.
  const count = new Map<string, number>();
  for (const l of lines) if (l !== '' && isHandleShaped(l)) count.set(l, (count.get(l) ?? 0) + 1);
  let end = lines.length - 1;
  for (let i = scanFrom; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || handleScore(line, (count.get(line) ?? 0) > 1) <= 0) continue;
    if (nextNonBlank(lines, i + 1) >= 0) { end = i - 1; break; }
  }
  // A credit followed by stray text: the article still ends at the credit, and the stray text is
  // reported (text-without-handle) rather than silently taken into the article.
  if (lastCredit && lastCredit.end < end) {
    for (let i = end; i > lastCredit.end; i--) {
      const credit = matchCredit(lines[i]!);
      if (credit) return { end: i, source: credit.source };
    }
    return lastCredit;
  }
  // No comments found, but the file ends on a line that is clearly a handle (digits, "_",
  // CamelCase): a comment whose text is missing, not a one-word paragraph.
  const last = nextNonBlankBack(lines, lines.length - 1);
  if (end === lines.length - 1 && last >= scanFrom && handleScore(lines[last]!) >= STRONG_HANDLE) {
    throw new DumpError('handle-without-text', `handle "${lines[last]}" at the end has no comment text after it`, last + 1);
  }
  return { end };
}

function lastIndexOfHandles(lines: readonly string[]): Map<string, number> {
  const last = new Map<string, number>();
  lines.forEach((l, i) => { if (l !== '' && isHandleShaped(l)) last.set(l, i); });
  return last;
}

function nextNonBlankBack(lines: readonly string[], from: number): number {
  for (let i = from; i >= 0; i--) if (lines[i] !== '') return i;
  return -1;
}

/** Splits the comment section into comments: roles by dynamic programming (line-roles.ts). */
function readComments(body: readonly Line[]): Comment[] {
  if (body.length === 0) return [];
  const head = body[0]!;
  if (!isHandleShaped(head.text)) {
    throw new DumpError('text-without-handle', `comment text "${clip(head.text)}" has no handle line before it`, head.no);
  }
  if (body.length === 1) {
    throw new DumpError('handle-without-text', `handle "${head.text}" has no comment text after it`, head.no);
  }
  // Pass 1 without, pass 2 with "this token is an author elsewhere in the dump".
  const base = body.map((l) => handleScore(l.text));
  let roles = assignRoles(base)!;
  const authorCount = new Map<string, number>();
  body.forEach((l, i) => { if (roles[i]) authorCount.set(l.text, (authorCount.get(l.text) ?? 0) + 1); });
  const elsewhere = (i: number): boolean => (authorCount.get(body[i]!.text) ?? 0) - (roles[i] ? 1 : 0) > 0;
  // handleScore(l, true) is handleScore(l) + KNOWN_ELSEWHERE, added last: no second scoring pass.
  const scores = base.map((s, i) => (s !== -Infinity && elsewhere(i) ? s + KNOWN_ELSEWHERE : s));
  roles = assignRoles(scores)!;

  // A strongly handle-like last line after a comment's text is a handle whose text is missing;
  // reading it as that comment's last line would silently merge two comments.
  const last = body.length - 1;
  if (!roles[last - 1] && scores[last]! >= STRONG_HANDLE) {
    throw new DumpError('handle-without-text', `handle "${body[last]!.text}" at the end has no comment text after it`, body[last]!.no);
  }

  const comments: Comment[] = [];
  let parts: string[] = [];
  let author = '';
  const flush = (): void => {
    // Lines are normalised already and blank runs were collapsed above, so the join is normalised
    // text, unless a line holds U+2028/U+2029 (a line break inside a dump line).
    const joined = parts.join('\n');
    comments.push({ id: `c${comments.length + 1}`, author, text: hasUnicodeBreak(joined) ? normalizeText(joined) : joined });
  };
  body.forEach((l, i) => {
    if (roles[i]) {
      if (i > 0) flush();
      author = l.text;
      parts = [];
    } else {
      if (l.blankBefore && parts.length > 0) parts.push(''); // a blank line inside a comment is kept
      parts.push(l.text);
    }
  });
  flush();
  return comments;
}

function hasUnicodeBreak(s: string): boolean {
  return s.includes('\u2028') || s.includes('\u2029');
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Writes a Thread in the dump format (no trailing newline). Inverse of parseDump for Threads the
 * format can carry; throws DumpError "unrenderable" for the rest (an author with spaces, a
 * multi-line paragraph, empty text) instead of writing a dump that would read back differently.
 */
export function renderDump(thread: Thread): string {
  const { date, source } = thread.article;
  if (date !== undefined && !isValidIsoDate(date)) throw new DumpError('unrenderable', `date "${date}" is not YYYY-MM-DD`);
  const out = thread.article.paragraphs.map((p, i) => {
    if (p.trim() === '' || /[\r\n]/.test(p)) throw new DumpError('unrenderable', `paragraph ${i + 1} is empty or spans lines`);
    return p;
  });
  if (source === undefined) {
    // With no credit of its own, the reader would take a comment line ending like a credit for the
    // article's end and read the comments before it as article text.
    const credited = [...out, ...thread.comments.flatMap((c) => splitLines(c.text))].find((l) => matchCredit(l) !== null);
    if (credited !== undefined) throw new DumpError('unrenderable', `"${clip(credited)}" ends like a © credit but the article has no source`);
  } else {
    const credit = formatCredit(source, date);
    if (out.length === 0) out.push(credit);
    else out[out.length - 1] += credit;
  }
  if (date !== undefined) out[0] = out.length === 0 ? ` date ${date}` : ` date ${date} ${out[0]}`;
  for (const c of thread.comments) {
    if (!isHandleShaped(c.author)) throw new DumpError('unrenderable', `author "${c.author}" of ${c.id} is not a one-token handle`);
    if (c.text.trim() === '') throw new DumpError('unrenderable', `comment ${c.id} has no text`);
    out.push(c.author, ...splitLines(c.text));
  }
  return out.join('\n');
}
