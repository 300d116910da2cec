// Reading the comments themselves: the items, each one's fields (falling back field by field to the
// generic adapter's selectors) and who answers whom. No article work, so a re-read after live
// mutations stays cheap. Reads the DOM only.
import type { RawComment } from '../parser/types';
import type { AttrPick, FieldSpecs, PlaceholderSpec, SiteAdapter } from './types';
import { blockText, isOwn, lineText, matches, query, queryAll } from './dom';

/** Where to look: `scope` (or the document) plus the open shadow roots the adapter names in it. */
export function searchRoots(doc: Document, adapter: SiteAdapter, scope?: Element): ParentNode[] {
  const base: ParentNode = scope ?? doc;
  const roots: ParentNode[] = [base];
  for (const sel of adapter.shadowHosts ?? []) {
    const hosts = queryAll(base, sel);
    if (scope && matches(scope, sel)) hosts.unshift(scope); // the section may be the host itself
    for (const host of hosts) {
      const sr = host.shadowRoot;
      if (sr && !isOwn(host)) roots.push(sr);
    }
  }
  return roots;
}

export function firstIn(roots: ParentNode[], selectors: readonly string[]): Element | null {
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
  const found = queryAll(item, selector).filter((e) => !items.has(e) && ownerItem(e, items) === item);
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

/** The placeholder an item is, and the words the page shows for it. */
function placeholderOf(item: Element, specs: readonly PlaceholderSpec[], items: Set<Element>): { spec: PlaceholderSpec; shown: string } | null {
  for (const spec of specs) {
    if (owned(item, spec.match, items).length === 0) continue;
    const el = owned(item, spec.text ?? spec.match, items)[0];
    return { spec, shown: el ? oneLine(blockText(el)) : '' };
  }
  return null;
}

function collectItems(roots: ParentNode[], adapter: SiteAdapter, selector: string | undefined): Element[] {
  if (!selector) return [];
  const seen = new Set<Element>();
  const out: Element[] = [];
  for (const scope of roots) {
    for (const el of queryAll(scope, selector)) {
      if (seen.has(el) || isOwn(el)) continue;
      seen.add(el);
      if ((adapter.exclude ?? []).some((x) => el.closest(x) !== null)) continue;
      out.push(el);
    }
  }
  return out;
}

/** Depth from a depth attribute (0-based) or a level label (1-based), when the adapter has one. */
function statedDepth(item: Element, f: FieldSpecs, items: Set<Element>): number | undefined {
  const d = f.depth ? Number(pick(item, f.depth, items)) : NaN;
  if (Number.isInteger(d) && d >= 0) return d;
  const l = f.level ? Number(pick(item, f.level, items)) : NaN;
  return Number.isInteger(l) && l >= 1 ? l - 1 : undefined;
}

export interface ReadComments {
  comments: RawComment[];
  elements: Element[];
  /** the section holding the comments (container selectors), null when none */
  section: Element | null;
  roots: ParentNode[];
}

/**
 * The comments of `adapter` in the document, or only inside `scope` (a comment section being
 * re-read after live changes). `fallback` supplies the fields the adapter leaves out.
 */
export function readComments(doc: Document, adapter: SiteAdapter, fallback?: SiteAdapter, scope?: Element): ReadComments {
  const roots = searchRoots(doc, adapter, scope);
  const candidates = collectItems(roots, adapter, adapter.comment ?? adapter.pickComment?.(doc, scope));
  const items = new Set(candidates);
  const section = findContainer(roots, adapter.container ?? [], candidates[0]) ?? scope ?? null;
  const f: FieldSpecs = adapter.fields ?? {};
  const g: FieldSpecs = fallback?.fields ?? {};
  const strip = [...(adapter.strip ?? []), ...(fallback?.strip ?? [])];
  const skipStrip = (e: Element): boolean => strip.some((s) => matches(e, s));
  const comments: RawComment[] = [];
  const elements: Element[] = [];
  const idOf = new Map<Element, string>();
  const seenIds = new Set<string>(); // a parent is always an earlier comment
  // depth stated by markup -> the nearest earlier item one level up is the parent; a skipped
  // (textless, unrecognised) item holds its level so a reply to it gets no parent, not a wrong one
  const lastAtDepth: (string | null)[] = [];
  candidates.forEach((item, i) => {
    const id = pick(item, f.id ?? g.id ?? [['', 'id']], items) ?? `c${i + 1}`;
    idOf.set(item, id);
    const stated = statedDepth(item, f, items);
    const ph = placeholderOf(item, adapter.placeholders ?? [], items);
    let text = readText(item, [...(f.text ?? []), ...(g.text ?? [])], items, strip, adapter.preLine);
    if (ph) text ||= ph.shown;
    else if (text && adapter.ownerAnswers) {
      const { selectors, mark } = adapter.ownerAnswers;
      const answer = readText(item, selectors, items, strip, adapter.preLine);
      if (answer) text += `\n${mark}\n${answer}`; // kept, marked: not the reader's words
    }
    if (stated !== undefined) lastAtDepth.splice(stated, Infinity, text ? id : null);
    if (!text) return; // an empty item that is no known placeholder: nothing to read yet
    // a placeholder's name is only what the page shows (Reddit's "/user/[deleted]/" link is no name)
    const author = [...(f.author ?? []), ...(g.author ?? [])]
      .map((sel) => owned(item, sel, items).map((e) => cleanAuthor(oneLine(blockText(e, skipStrip)))).find(Boolean))
      .find(Boolean) ?? (f.authorFrom && !ph ? pick(item, f.authorFrom, items) : undefined);
    const c: RawComment = { id, author: author ?? '', text };
    if (ph) c.placeholder = ph.spec.kind;
    const time = pick(item, [...(f.time ?? []), ...(g.time ?? [])], items);
    if (time) c.time = time;
    const parentAttr = f.parent ? pick(item, f.parent, items) : undefined;
    const owner = parentItem(item, items, adapter.childList);
    if (parentAttr && parentAttr !== id && seenIds.has(parentAttr)) c.parentId = parentAttr;
    else if (owner) {
      const oid = idOf.get(owner);
      if (oid && seenIds.has(oid)) c.parentId = oid; // not a skipped item
    }
    else if (stated !== undefined && stated > 0) {
      const up = lastAtDepth[stated - 1];
      if (up) c.parentId = up;
    }
    // a reply whose parent was skipped keeps no depth: the shared parser would otherwise hang it
    // under whichever earlier comment sits one level up, the wrong one
    if (stated !== undefined) {
      if (stated === 0 || c.parentId) c.depth = stated;
    } else if ((c.parentId && !owner) || (owner && !c.parentId)) {
      // a reply-to attribute on a flat list says who, not how deep; a reply nested in a skipped
      // item has no parent to name: either way, depth is left to the parser
    } else {
      let d = 0;
      for (let o = owner; o && d < 100; o = parentItem(o, items, adapter.childList)) d++;
      c.depth = d;
    }
    seenIds.add(id);
    comments.push(c);
    elements.push(item);
  });
  return { comments, elements, section, roots };
}
