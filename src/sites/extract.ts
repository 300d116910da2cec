// The one interpreter of adapter data for a whole page: the comments (comments.ts), the article
// beside them (article.ts), the widget flag and the stated count. Reads the DOM only.
import type { AttrPick, Extraction, ExtractionPlan, SiteAdapter } from './types';
import type { RawComment } from '../parser/types';
import { isOwn, lineText, queryAll } from './dom';
import { extractArticle } from './article';
import { firstIn, planComments } from './comments';

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
 * `rawChars`: the section's text length as it is (a warm-up step may have measured it).
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

/** The page's extraction in stages: items found now, read one by one, the rest (article, count) at the end. */
export function planWith(doc: Document, adapter: SiteAdapter, url?: string, fallback?: SiteAdapter): ExtractionPlan<Extraction> {
  const plan = planComments(doc, adapter, fallback);
  const { comments, elements, section, roots } = plan;
  // page-wide queries that do not depend on the comments: a warm-up step of their own when sliced
  let widgetFound: boolean | undefined;
  let statedRaw: string | undefined;
  let statedDone = false;
  const widgetStep = (): void => {
    widgetFound ??= section !== null || firstIn(roots, [...(adapter.container ?? []), ...(adapter.widget ?? [])]) !== null;
  };
  // The section's text, measured apart: at 50,000 comments it is megabytes, ~30 ms to build.
  let sectionChars: number | undefined;
  const sectionStep = (): number => (sectionChars ??= section ? (section.textContent ?? '').length : 0);
  const statedStep = (): void => {
    if (statedDone) return; // found or not, once: `??=` on "none" ran the page-wide query again in finish
    statedDone = true;
    statedRaw = pickInPage(roots, [...(adapter.statedCount ?? []), ...(fallback?.statedCount ?? [])]);
  };
  const finish = (): Extraction => {
    widgetStep();
    statedStep();
    const widget = widgetFound;
    const page: Extraction['page'] = {
      platform: adapter.id,
      article: extractArticle(doc, articleExclusions(section, elements, comments, sectionStep)),
      comments,
    };
    if (url) page.url = url;
    if (comments.length === 0 && widget) page.widgetOnly = true;
    const stated = parseCount(statedRaw);
    if (stated !== undefined) page.statedCount = stated;
    // nothing loaded yet: the widget target is where live comments will appear, so observe that
    const container = section ?? (elements.length === 0 ? firstIn(roots, adapter.widget ?? []) : null);
    return { page, elements, container, skipped: plan.skipped };
  };
  return { items: plan.items, prepare: [widgetStep, statedStep, () => void sectionStep(), ...plan.prepare], read: plan.read, section, finish };
}

/** Runs a plan in one go: every item, then the rest. */
export function runPlan<T>(plan: ExtractionPlan<T>): T {
  for (let i = 0; i < plan.items.length; i++) plan.read(i);
  return plan.finish();
}
