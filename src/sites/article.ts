// The article beside the comments: Mozilla Readability run on a CLONE of the document (Readability
// rewrites the DOM it is given; the page itself is never touched), with the comment section removed
// from the clone first so no comment can leak into the article paragraphs.
import { Readability } from '@mozilla/readability';
import type { RawPage } from '../parser/types';
import { blockText, lineText, queryAll, query } from './dom';

// Where publishers state the publication date, most reliable first.
const DATE_PICKS: ReadonlyArray<readonly [string, string]> = [
  ['meta[property="article:published_time"]', 'content'], // Open Graph article date
  ['meta[itemprop="datePublished"]', 'content'], // schema.org microdata in <head>
  ['[itemprop="datePublished"]', 'datetime'], // schema.org on a <time>
  ['meta[name="date"]', 'content'], // classic HTML meta
  ['article time[datetime]', 'datetime'], // the article's own <time>
  ['time[datetime]', 'datetime'], // any <time>: last resort
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

/** Paragraph texts of the page's main <article> or, failing that, of every long enough <p>. */
function fallbackParagraphs(doc: Document): string[] {
  const scope = query(doc, 'article') ?? doc.body;
  if (!scope) return [];
  return queryAll(scope, 'p').map((p) => blockText(p)).filter((t) => t.length > 0);
}

/** Child-index path from the document element, to find the same element in a clone. */
function pathOf(el: Element, root: Element): number[] | null {
  const path: number[] = [];
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    const parent: Element | null = e.parentElement;
    if (!parent) return null; // not in this document's tree (a shadow root)
    path.push(Array.prototype.indexOf.call(parent.children, e));
  }
  return path.reverse();
}

function follow(root: Element, path: number[]): Element | null {
  let e: Element | null = root;
  for (const i of path) e = e?.children[i] ?? null;
  return e;
}

/**
 * `remove`: elements of the page (comments, the comment section) to leave out; they are looked up
 * in the clone by position and removed there.
 */
export function extractArticle(doc: Document, remove: Element[]): RawPage['article'] {
  const article: RawPage['article'] = { paragraphs: [] };
  const commentText = new Set(remove.map((e) => lineText(e)));
  let content: Element | null = null;
  let title: string | undefined;
  let site: string | undefined;
  try {
    const root = doc.documentElement;
    const paths = remove.map((e) => pathOf(e, root)).filter((p): p is number[] => p !== null);
    const clone = doc.cloneNode(true) as Document;
    const targets = paths.map((p) => follow(clone.documentElement, p));
    for (const t of targets) t?.remove(); // the clone only: resolved before removing, so paths stay valid
    // serializer: hand back the element itself instead of an HTML string
    const opts = { serializer: (el: Node) => el } as unknown as ConstructorParameters<typeof Readability>[1];
    const r = new Readability(clone, opts).parse();
    content = (r?.content as unknown as Element | undefined) ?? null;
    title = r?.title ?? undefined;
    site = r?.siteName ?? undefined;
  } catch {
    content = null; // a DOM implementation Readability cannot walk: use the plain fallback
  }
  const paras = content ? blockText(content).split('\n') : fallbackParagraphs(doc);
  article.paragraphs = paras.filter((p) => p !== '' && !commentText.has(p));
  const h1 = query(doc, 'h1');
  article.title = title || (h1 ? lineText(h1) : '') || lineText(query(doc, 'title') ?? doc.createElement('x')) || undefined;
  if (!article.title) delete article.title;
  for (const [sel, attr] of DATE_PICKS) {
    const v = query(doc, sel)?.getAttribute(attr)?.trim();
    if (v) {
      article.date = isoDate(v);
      break;
    }
  }
  const source = metaContent(doc, 'meta[property="og:site_name"]') ?? site;
  if (source) article.source = source;
  return article;
}
