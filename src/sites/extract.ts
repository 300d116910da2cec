// The one interpreter of adapter data for a whole page: the comments (comments.ts), the article
// beside them (article.ts), the widget flag and the stated count. Reads the DOM only.
import type { AttrPick, Extraction, SiteAdapter } from './types';
import type { RawComment } from '../parser/types';
import { isOwn, lineText, queryAll } from './dom';
import { extractArticle } from './article';
import { firstIn, readComments } from './comments';

/** The first non-empty value of a pick anywhere on the page (a stated comment count). */
function pickInPage(roots: ParentNode[], picks: readonly AttrPick[]): string | undefined {
  for (const [sel, attr, pattern] of picks) {
    for (const root of roots) {
      for (const el of queryAll(root, sel)) {
        if (isOwn(el)) continue;
        let v = attr === '' ? lineText(el) : el.getAttribute(attr)?.trim();
        if (v && pattern) v = pattern.exec(v)?.[1];
        if (v && parseCount(v) !== undefined) return v;
      }
    }
  }
  return undefined;
}

export function parseCount(s: string | undefined): number | undefined {
  const m = s?.replace(/[.,\u00a0\s](?=\d{3}\b)/g, '').match(/\d+/);
  return m ? Number(m[0]) : undefined;
}

/** The comments, and their section too when comments are most of its text (not a whole column). */
function articleExclusions(container: Element | null, elements: Element[], comments: RawComment[]): Element[] {
  if (!container) return elements;
  const commentChars = comments.reduce((n, c) => n + c.text.length, 0);
  const sectionChars = (container.textContent ?? '').replace(/\s+/g, ' ').length;
  return sectionChars <= 3 * commentChars + 2000 ? [container, ...elements] : elements;
}

export function extractWith(doc: Document, adapter: SiteAdapter, url?: string, fallback?: SiteAdapter): Extraction {
  const { comments, elements, section, roots, skipped } = readComments(doc, adapter, fallback);
  const widget = section !== null || firstIn(roots, [...(adapter.container ?? []), ...(adapter.widget ?? [])]) !== null;
  const statedRaw = pickInPage(roots, [...(adapter.statedCount ?? []), ...(fallback?.statedCount ?? [])]);
  const page: Extraction['page'] = {
    platform: adapter.id,
    article: extractArticle(doc, articleExclusions(section, elements, comments)),
    comments,
  };
  if (url) page.url = url;
  if (comments.length === 0 && widget) page.widgetOnly = true;
  const stated = parseCount(statedRaw);
  if (stated !== undefined) page.statedCount = stated;
  // nothing loaded yet: the widget target is where live comments will appear, so observe that
  return { page, elements, container: section ?? (elements.length === 0 ? firstIn(roots, adapter.widget ?? []) : null), skipped };
}
