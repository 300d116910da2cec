// The one interpreter of adapter data for a whole page: the comments (comments.ts), the article
// beside them (article.ts), the widget flag and the stated count. Reads the DOM only.
import type { AttrPick, Extraction, SiteAdapter } from './types';
import type { RawComment, RawPage } from '../parser/types';
import { PAUSE, type Stage } from '../pipeline/stage';
import { isOwn, lineText, queryAll } from './dom';
import { extractArticle } from './article';
import { firstIn, readItems, type FoundItems } from './comments';

/** The first non-empty value of a pick anywhere on the page (a stated comment count). */
function pickInPage(roots: ParentNode[], picks: readonly AttrPick[]): string | undefined {
  const found = new Map<string, Element[][]>(); // picks often repeat a selector with another attribute
  for (const [sel, attr, pattern] of picks) {
    let perRoot = found.get(sel);
    if (!perRoot) found.set(sel, (perRoot = roots.map((root) => queryAll(root, sel))));
    for (const els of perRoot) {
      for (const el of els) {
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

/**
 * The comments, and their section too when comments are most of its text (not a whole column).
 * `rawChars`: the section's text length as it is (measured in a unit of its own).
 */
function articleExclusions(container: Element | null, elements: Element[], comments: RawComment[], rawChars: () => number): Element[] {
  if (!container) return elements;
  const commentChars = comments.reduce((n, c) => n + c.text.length, 0);
  const bound = 3 * commentChars + 2000;
  const raw = rawChars();
  // collapsing spaces only shortens: within the bound as it is, no need to build the collapsed copy
  const sectionChars = raw <= bound ? raw : (container.textContent ?? '').replace(/\s+/g, ' ').length;
  return sectionChars <= bound ? [container, ...elements] : elements;
}

/**
 * The page's read as a stage: the items (readItems, with its warm-ups and one unit per item), the
 * page-wide look-ups that do not depend on them (widget, stated count, the section's size; a unit
 * each), then the article beside the comments (Readability-style scoring: a unit of its own).
 *
 * With `onArticle`, the article is read first instead, as soon as the items are found, and handed
 * over before the comments are read (the content script starts labelling with it meanwhile). It is
 * read as if the section held nothing but the comments, which it nearly always does; the usual
 * check at the end reads it again where that or the items turn out otherwise.
 */
export function* pageStage(doc: Document, adapter: SiteAdapter, url?: string, fallback?: SiteAdapter, found?: (f: FoundItems) => void, onArticle?: (article: RawPage['article'], url?: string) => void): Stage<Extraction> {
  let early: { article: RawPage['article']; items: number } | null = null;
  const beforeItems = onArticle
    ? (f: FoundItems): void => {
        const article = extractArticle(doc, f.section ? [f.section, ...f.items] : [...f.items]);
        early = { article, items: f.items.length };
        onArticle(article, url);
      }
    : undefined;
  const read = yield* readItems(doc, adapter, fallback, undefined, found, beforeItems);
  const { comments, elements, section, roots } = read;
  const widget = section !== null || firstIn(roots, [...(adapter.container ?? []), ...(adapter.widget ?? [])]) !== null;
  yield;
  const statedRaw = pickInPage(roots, [...(adapter.statedCount ?? []), ...(fallback?.statedCount ?? [])]);
  yield;
  // The section's text, measured apart: at 50,000 comments it is megabytes, ~30 ms to build.
  const sectionChars = section ? (section.textContent ?? '').length : 0;
  yield PAUSE; // the article's scoring is one long unit
  const exclusions = articleExclusions(section, elements, comments, () => sectionChars);
  // The early read stands when it excluded what this would: the section with every item, none skipped.
  const e = early as { article: RawPage['article']; items: number } | null;
  const same = e !== null && e.items === elements.length && (section === null || exclusions[0] === section);
  const page: Extraction['page'] = {
    platform: adapter.id,
    article: same ? e.article : extractArticle(doc, exclusions),
    comments,
  };
  if (url) page.url = url;
  if (comments.length === 0 && widget) page.widgetOnly = true;
  const stated = parseCount(statedRaw);
  if (stated !== undefined) page.statedCount = stated;
  // nothing loaded yet: the widget target is where live comments will appear, so observe that
  const container = section ?? (elements.length === 0 ? firstIn(roots, adapter.widget ?? []) : null);
  return { page, elements, container, skipped: read.skipped };
}
