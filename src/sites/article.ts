// The article beside the comments, read by our own small extractor (article-content.ts) instead of
// Readability: Readability needs a clone of the page, assigns innerHTML (a web-ext lint warning)
// and weighs ~50 kB. Metadata from the page's own statements: Open Graph, <time>, JSON-LD.
import type { RawPage } from '../parser/types';
import { blockText, lineText, query, queryAll } from './dom';
import { ContentScorer } from './article-content';

// Where publishers state the publication date, most reliable first.
const DATE_PICKS: ReadonlyArray<readonly [string, string]> = [
  ['meta[property="article:published_time"]', 'content'], // Open Graph article date
  ['meta[itemprop="datePublished"]', 'content'], // schema.org microdata in <head>
  ['[itemprop="datePublished"]', 'datetime'], // schema.org on a <time>
  ['meta[name="date"]', 'content'], // classic HTML meta
  ['article time[datetime]', 'datetime'], // the article's own <time>
];

/** yyyy-mm-dd when the value starts with a date, else the value as written. */
function isoDate(v: string): string {
  const m = v.match(/^(\d{4}-\d{2}-\d{2})/);
  if (m) return m[1] as string;
  const t = Date.parse(v);
  return Number.isNaN(t) ? v : new Date(t).toISOString().slice(0, 10);
}

function metaContent(doc: Document, selector: string): string | undefined {
  return query(doc, selector)?.getAttribute('content')?.trim() || undefined;
}

/** The first value of `key` in the page's JSON-LD blocks (datePublished, publisher.name). */
function jsonLd(doc: Document, pickFrom: (o: Record<string, unknown>) => unknown): string | undefined {
  for (const s of queryAll(doc, 'script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue; // a broken block says nothing
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 200; i++) {
      const o = queue[i];
      if (Array.isArray(o)) queue.push(...o);
      else if (o && typeof o === 'object') {
        const v = pickFrom(o as Record<string, unknown>);
        if (typeof v === 'string' && v.trim()) return v.trim();
        const graph = (o as Record<string, unknown>)['@graph'];
        if (graph) queue.push(graph);
      }
    }
  }
  return undefined;
}

/** "Headline | Site" -> "Headline": the part before the last separator, when it is a real phrase. */
function cleanTitle(raw: string): string {
  const parts = raw.split(/\s[|\-–—\\/>»]\s/);
  if (parts.length < 2) return raw;
  const head = parts.slice(0, -1).join(' - ').trim();
  return head.split(/\s+/).length >= 3 ? head : (parts.reduce((a, b) => (b.length > a.length ? b : a), '').trim() || raw);
}

function titleOf(doc: Document, root: Element | null): string | undefined {
  const og = metaContent(doc, 'meta[property="og:title"]');
  if (og) return og;
  const h1 = (root && query(root, 'h1')) ?? query(doc, 'article h1') ?? query(doc, 'h1');
  const t = h1 ? lineText(h1) : '';
  if (t) return t;
  const title = query(doc, 'title');
  return title ? cleanTitle(lineText(title)) || undefined : undefined;
}

/** The article's paragraphs: the best-scoring content and its siblings, block by block. */
function paragraphs(doc: Document, scorer: ContentScorer): { paras: string[]; root: Element | null } {
  const body = doc.body ?? doc.documentElement;
  if (!body) return { paras: [], root: null };
  scorer.score(body);
  const top = scorer.top();
  if (!top) return { paras: [], root: null };
  const paras = scorer.contentRoots(top).flatMap((r) => blockText(r, scorer.furniture).split('\n'));
  return { paras: paras.filter((p) => p !== ''), root: top };
}

/** `exclude`: the comments and (when comments are most of it) their section, never read as article. */
export function extractArticle(doc: Document, exclude: Element[]): RawPage['article'] {
  const scorer = new ContentScorer(new Set(exclude));
  const { paras, root } = paragraphs(doc, scorer);
  const article: RawPage['article'] = { paragraphs: paras };
  const title = titleOf(doc, root);
  if (title) article.title = title;
  let date: string | undefined;
  for (const [sel, attr] of DATE_PICKS) {
    date = query(doc, sel)?.getAttribute(attr)?.trim() || undefined;
    if (date) break;
  }
  date ??= jsonLd(doc, (o) => o['datePublished']);
  date ??= (root && query(root, 'time[datetime]')?.getAttribute('datetime')?.trim()) || undefined;
  if (date) article.date = isoDate(date);
  const source = metaContent(doc, 'meta[property="og:site_name"]') ?? jsonLd(doc, (o) => (o['publisher'] as Record<string, unknown> | undefined)?.['name']);
  if (source) article.source = source;
  return article;
}
