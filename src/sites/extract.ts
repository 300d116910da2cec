// The one interpreter of adapter data: finds the comment items and reads each field, falling back
// field by field to the generic adapter's selectors. Reads the DOM only.
import type { RawComment } from '../parser/types';
import type { AttrPick, Extraction, FieldSpecs, SiteAdapter } from './types';
import { blockText, isOwn, lineText, matches, query, queryAll } from './dom';
import { extractArticle } from './article';

/** Where to look: the document plus the open shadow roots the adapter names. */
export function searchRoots(doc: Document, adapter: SiteAdapter): ParentNode[] {
  const roots: ParentNode[] = [doc];
  for (const sel of adapter.shadowHosts ?? []) {
    for (const host of queryAll(doc, sel)) {
      const sr = host.shadowRoot;
      if (sr && !isOwn(host)) roots.push(sr);
    }
  }
  return roots;
}

function firstIn(roots: ParentNode[], selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    for (const root of roots) {
      const el = query(root, sel);
      if (el && !isOwn(el)) return el;
    }
  }
  return null;
}

/** The nearest enclosing comment item of `el` (itself excluded), or null. */
function ownerItem(el: Element, items: Set<Element>): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) if (items.has(p)) return p;
  return null;
}

/**
 * The comment an item replies to: the enclosing item, or, where replies sit in a list right after
 * their parent (WordPress.com prints `</li><ul class="children">`), the item before that list.
 */
function parentItem(item: Element, items: Set<Element>, childList?: string): Element | null {
  const owner = ownerItem(item, items);
  const list = childList ? item.parentElement?.closest(childList) : null;
  if (list && !(owner && owner.contains(list))) {
    for (let s = list.previousElementSibling; s; s = s.previousElementSibling) if (items.has(s)) return s;
  }
  return owner;
}

/** The comment section: the first container candidate holding the first comment, else any candidate. */
function findContainer(roots: ParentNode[], selectors: readonly string[], first: Element | undefined): Element | null {
  if (first) {
    for (const sel of selectors) {
      const c = first.closest(sel);
      if (c && !isOwn(c)) return c;
    }
    return first.parentElement;
  }
  return firstIn(roots, selectors);
}

/** Matches of `selector` that belong to `item` itself, not to a reply nested inside it. */
function owned(item: Element, selector: string, items: Set<Element>): Element[] {
  if (selector === '') return [item];
  const found = queryAll(item, selector).filter((e) => ownerItem(e, items) === item);
  if (matches(item, selector)) found.unshift(item);
  return found;
}

function pick(item: Element, picks: readonly AttrPick[], items: Set<Element>): string | undefined {
  for (const [sel, attr, pattern] of picks) {
    for (const el of owned(item, sel, items)) {
      let v = attr === '' ? lineText(el) : el.getAttribute(attr)?.trim();
      if (v && pattern) v = pattern.exec(v)?.[1];
      if (v) return v;
    }
  }
  return undefined;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

const SAYS = /\s*(says|said|sagt|schreibt|dit|dice|disse|a écrit)\s*:?\s*$/i;

export function cleanAuthor(s: string): string {
  return s.replace(SAYS, '').replace(/^(by|von|par|por)\s+/i, '').replace(/[,:;\s]+$/, '').trim();
}

function readText(item: Element, selectors: readonly string[], items: Set<Element>, strip: readonly string[], preLine?: boolean): string {
  const skip = (e: Element): boolean => items.has(e) || strip.some((s) => matches(e, s));
  for (const sel of selectors) {
    const els = owned(item, sel, items).filter((e) => !strip.some((s) => e !== item && matches(e, s)));
    // keep outermost matches only, so ".comment-body p" inside a quoted <p> is not read twice
    const outer = els.filter((e) => !els.some((o) => o !== e && o.contains(e)));
    const text = outer.map((e) => blockText(e, skip, preLine)).filter(Boolean).join('\n');
    if (text) return text;
  }
  return '';
}

function collectItems(roots: ParentNode[], adapter: SiteAdapter): Element[] {
  if (!adapter.comment) return [];
  const seen = new Set<Element>();
  const out: Element[] = [];
  for (const scope of roots) {
    for (const el of queryAll(scope, adapter.comment)) {
      if (seen.has(el) || isOwn(el)) continue;
      seen.add(el);
      if ((adapter.exclude ?? []).some((x) => el.closest(x) !== null)) continue;
      out.push(el);
    }
  }
  return out;
}

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

/** Depth from a depth attribute (0-based) or a level label (1-based), when the adapter has one. */
function statedDepth(item: Element, f: FieldSpecs, items: Set<Element>): number | undefined {
  const d = f.depth ? Number(pick(item, f.depth, items)) : NaN;
  if (Number.isInteger(d) && d >= 0) return d;
  const l = f.level ? Number(pick(item, f.level, items)) : NaN;
  return Number.isInteger(l) && l >= 1 ? l - 1 : undefined;
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
  const roots = searchRoots(doc, adapter);
  const candidates = collectItems(roots, adapter);
  const items = new Set(candidates);
  const container = findContainer(roots, adapter.container ?? [], candidates[0]);
  const f: FieldSpecs = adapter.fields ?? {};
  const g: FieldSpecs = fallback?.fields ?? {};
  const strip = [...(adapter.strip ?? []), ...(fallback?.strip ?? [])];
  const skipStrip = (e: Element): boolean => strip.some((s) => matches(e, s));
  const comments: RawComment[] = [];
  const elements: Element[] = [];
  const idOf = new Map<Element, string>();
  const seenIds = new Set<string>(); // a parent is always an earlier comment
  // depth stated by markup -> the nearest earlier item one level up is the parent; placeholders
  // (deleted comments) hold their level so a reply to one gets no parent rather than a wrong one
  const lastAtDepth: (string | null)[] = [];
  candidates.forEach((item, i) => {
    const id = pick(item, f.id ?? g.id ?? [['', 'id']], items) ?? `c${i + 1}`;
    idOf.set(item, id);
    const stated = statedDepth(item, f, items);
    const text = readText(item, [...(f.text ?? []), ...(g.text ?? [])], items, strip, adapter.preLine);
    if (stated !== undefined) lastAtDepth.splice(stated, Infinity, text ? id : null);
    if (!text) return; // deleted or placeholder items carry nothing to read
    const author = [...(f.author ?? []), ...(g.author ?? [])]
      .map((sel) => owned(item, sel, items).map((e) => cleanAuthor(oneLine(blockText(e, skipStrip)))).find(Boolean))
      .find(Boolean) ?? (f.authorFrom ? pick(item, f.authorFrom, items) : undefined);
    const c: RawComment = { id, author: author ?? '', text };
    const time = pick(item, [...(f.time ?? []), ...(g.time ?? [])], items);
    if (time) c.time = time;
    const parentAttr = f.parent ? pick(item, f.parent, items) : undefined;
    const owner = parentItem(item, items, adapter.childList);
    if (parentAttr && parentAttr !== id && seenIds.has(parentAttr)) c.parentId = parentAttr;
    else if (owner) {
      const oid = idOf.get(owner);
      if (oid && seenIds.has(oid)) c.parentId = oid; // not a skipped placeholder
    }
    else if (stated !== undefined && stated > 0) {
      const up = lastAtDepth[stated - 1];
      if (up) c.parentId = up;
    }
    // a reply whose parent is a placeholder we skipped keeps no depth: the shared parser would
    // otherwise hang it under whichever earlier comment sits one level up, the wrong one
    if (stated !== undefined) {
      if (stated === 0 || c.parentId) c.depth = stated;
    } else if ((c.parentId && !owner) || (owner && !c.parentId)) {
      // a reply-to attribute on a flat list says who, not how deep; a reply nested in a skipped
      // placeholder has no parent to name: either way, depth is left to the parser
    } else {
      let d = 0;
      for (let o = owner; o && d < 100; o = parentItem(o, items, adapter.childList)) d++;
      c.depth = d;
    }
    seenIds.add(id);
    comments.push(c);
    elements.push(item);
  });
  const widget = container !== null || firstIn(roots, [...(adapter.container ?? []), ...(adapter.widget ?? [])]) !== null;
  const statedRaw = pickInPage(roots, [...(adapter.statedCount ?? []), ...(fallback?.statedCount ?? [])]);
  const page: Extraction['page'] = {
    platform: adapter.id,
    article: extractArticle(doc, articleExclusions(container, elements, comments)),
    comments,
  };
  if (url) page.url = url;
  if (comments.length === 0 && widget) page.widgetOnly = true;
  const stated = parseCount(statedRaw);
  if (stated !== undefined) page.statedCount = stated;
  // nothing loaded yet: the widget target is where live comments will appear, so observe that
  return { page, elements, container: container ?? (elements.length === 0 ? firstIn(roots, adapter.widget ?? []) : null) };
}
