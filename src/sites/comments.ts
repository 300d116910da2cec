// Reading the comments themselves: the items, each one's fields (falling back field by field to the
// generic adapter's selectors) and who answers whom. No article work, so a re-read after live
// mutations stays cheap. Reads the DOM only.
import type { RawComment } from '../parser/types';
import type { AttrPick, FieldSpecs, PlaceholderSpec, SiteAdapter } from './types';
import { blockText, isOwn, lineText, matches, query, queryAll } from './dom';
import { ItemIndex, ownHosts, queryEach } from './item-index';
import { DepthParents } from '../parser/depth-parents';
import { PAUSE, type Stage } from '../pipeline/stage';

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

/**
 * The comment an item replies to: the enclosing item, or, where replies sit in a list right after
 * their parent (WordPress.com prints `</li><ul class="children">`), the item before that list.
 */
function parentItem(item: Element, ix: ItemIndex, childList?: string): Element | null {
  const owner = ix.ownerOf(item);
  const list = childList ? item.parentElement?.closest(childList) : null;
  if (list && !(owner && owner.contains(list))) {
    for (let s = list.previousElementSibling; s; s = s.previousElementSibling) if (ix.items.has(s)) return s;
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

function pick(item: Element, picks: readonly AttrPick[], ix: ItemIndex): string | undefined {
  for (const [sel, attr, pattern] of picks) {
    for (const el of ix.owned(item, sel)) {
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

function readText(item: Element, selectors: readonly string[], ix: ItemIndex, stripped: Set<Element>, preLine?: boolean): string {
  const skip = (e: Element): boolean => ix.items.has(e) || stripped.has(e);
  for (const sel of selectors) {
    // outermost matches only, so ".comment-body p" inside a quoted <p> is not read twice; in
    // document order an element inside an earlier match is inside the last one kept
    const outer: Element[] = [];
    for (const e of ix.owned(item, sel)) {
      if (e !== item && stripped.has(e)) continue;
      const last = outer[outer.length - 1];
      if (!last || !last.contains(e)) outer.push(e);
    }
    const text = outer.map((e) => blockText(e, skip, preLine)).filter(Boolean).join('\n');
    if (text) return text;
  }
  return '';
}

/** The placeholder an item is, and the words the page shows for it. */
function placeholderOf(item: Element, specs: readonly PlaceholderSpec[], ix: ItemIndex): { spec: PlaceholderSpec; shown: string } | null {
  for (const spec of specs) {
    if (ix.owned(item, spec.match).length === 0) continue;
    const el = ix.owned(item, spec.text ?? spec.match)[0];
    return { spec, shown: el ? oneLine(blockText(el)) : '' };
  }
  return null;
}

function collectItems(roots: ParentNode[], adapter: SiteAdapter, selector: string | undefined): Element[] {
  if (!selector) return [];
  // our panel, pingbacks, the reply form: the items in those few subtrees, found from there
  const outside = itemsWithin([...queryEach(roots, adapter.exclude ?? []), ...ownHosts(roots)], selector);
  // One root (the usual case): one query, no duplicates to drop.
  if (roots.length === 1) {
    const all = queryAll(roots[0]!, selector);
    return outside.size ? all.filter((el) => !outside.has(el)) : all;
  }
  const seen = new Set<Element>();
  const out: Element[] = [];
  for (const scope of roots) {
    for (const el of queryAll(scope, selector)) {
      if (seen.has(el)) continue;
      seen.add(el);
      if (!outside.has(el)) out.push(el);
    }
  }
  return out;
}

/**
 * The elements `marked` and what matches `selector` inside them (not across a shadow root: an
 * item's walk up stops there too). A query in each marked subtree, not a walk up from each of
 * 50,000 items (~60 ms in one task, most of it a memo map's upkeep).
 */
function itemsWithin(marked: readonly Element[], selector: string): Set<Element> {
  const out = new Set<Element>();
  for (const m of marked) {
    out.add(m);
    for (const e of queryAll(m, selector)) out.add(e);
  }
  return out;
}

/** Depth from a depth attribute (0-based) or a level label (1-based), when the adapter has one. */
function statedDepth(item: Element, f: FieldSpecs, ix: ItemIndex): number | undefined {
  const d = f.depth ? Number(pick(item, f.depth, ix)) : NaN;
  if (Number.isInteger(d) && d >= 0) return d;
  const l = f.level ? Number(pick(item, f.level, ix)) : NaN;
  return Number.isInteger(l) && l >= 1 ? l - 1 : undefined;
}

/**
 * The selector lists every read() goes through, each tried in order until one matches: warming a
 * list up to the first selector the first item has builds what read(0) would build lazily, so the
 * first slice of a sliced read is not one long task (~40 ms at 10,000 comments).
 */
function readLists(adapter: SiteAdapter, f: FieldSpecs, g: FieldSpecs, lists: { text: string[]; author: string[]; time: readonly AttrPick[] }): string[][] {
  const sels = (picks?: readonly AttrPick[]): string[] => (picks ?? []).map((p) => p[0]);
  const all = [sels(f.id ?? g.id), sels(f.depth), sels(f.level), sels(lists.time), sels(f.parent), lists.text, lists.author];
  return [...all, ...(adapter.placeholders ?? []).map((p) => [p.match])].filter((l) => l.length > 0);
}

/** What reading a comment section gives: comment i was read from elements[i]. */
export interface ItemsRead {
  comments: RawComment[];
  elements: Element[];
  /** the section holding the comments (container selectors), null when none */
  section: Element | null;
  roots: ParentNode[];
  /** items with neither a body, a name nor a placeholder: nothing to read yet (a lazy skeleton) */
  skipped: number;
}

/** The items found, before any is read: enough to observe the section early and count the work. */
export interface FoundItems {
  /** the comment items in document order */
  items: Element[];
  section: Element | null;
  roots: ParentNode[];
  /** the comments read so far: filled in order as the stage goes (to be read, never changed) */
  comments: readonly RawComment[];
}

/**
 * The comments of `adapter` in the document, or only inside `scope` (a comment section being
 * re-read after live changes). `fallback` supplies the fields the adapter leaves out.
 * Every item found gives a comment (its text may be '': an image-only or emptied body) unless it
 * shows nothing at all, which is counted in `skipped`.
 *
 * A stage: finding the items is one query (the first unit); then the page-wide warm-ups (the strip
 * list, each field selector's matches, in parts), then one unit per item. A parent is always an
 * earlier item, so each read builds on the ones before it. `found` hears about the items as soon as
 * they are known (the content script observes the section from then on).
 */
export function* readItems(doc: Document, adapter: SiteAdapter, fallback?: SiteAdapter, scope?: Element, found?: (f: FoundItems) => void, beforeItems?: (f: FoundItems) => void): Stage<ItemsRead> {
  const roots = searchRoots(doc, adapter, scope);
  const itemSelector = adapter.comment ?? adapter.pickComment?.(doc, scope);
  const candidates = collectItems(roots, adapter, itemSelector);
  const ix = new ItemIndex(new Set(candidates), roots, itemSelector);
  const section = findContainer(roots, adapter.container ?? [], candidates[0]) ?? scope ?? null;
  const n = candidates.length;
  const out: ItemsRead = { comments: [], elements: [], section, roots, skipped: 0 };
  const f0: FoundItems = { items: candidates, section, roots, comments: out.comments };
  found?.(f0);
  if (n === 0) return out;
  yield PAUSE; // finding the items (one query over the page) is a task of its own
  if (beforeItems) {
    beforeItems(f0); // pageStage's early article: a unit of its own
    yield PAUSE;
  }
  const f: FieldSpecs = adapter.fields ?? {};
  const g: FieldSpecs = fallback?.fields ?? {};
  // each strip selector is one query over the page: a unit of its own
  const stripSels = [...(adapter.strip ?? []), ...(fallback?.strip ?? [])];
  const stripped = new Set<Element>();
  for (const sel of stripSels) {
    for (const e of queryEach(roots, [sel])) stripped.add(e);
    yield;
  }
  const skipStrip = (e: Element): boolean => stripped.has(e);
  const textSels = [...(f.text ?? []), ...(g.text ?? [])];
  const authorSels = [...(f.author ?? []), ...(g.author ?? [])];
  const timePicks = [...(f.time ?? []), ...(g.time ?? [])];
  // Each field's selectors in order, up to the first that finds something in the first item (the
  // one the reads will use): each index built a part per unit, so at 10,000 comments the first
  // read is not one long task (~40 ms).
  const first = candidates[0]!;
  for (const list of readLists(adapter, f, g, { text: textSels, author: authorSels, time: timePicks })) {
    for (const sel of list) {
      while (!ix.warm(sel)) yield;
      yield;
      if (ix.owned(first, sel).length > 0) break;
    }
  }
  const roleReader = adapter.roles ?? fallback?.roles; // fields by role, where no selector found one
  const { comments, elements } = out;
  const idOf = new Map<Element, string>();
  const depthOf = new Map<Element, number>(); // memo: an item's nesting is its parent item's plus one
  const seenIds = new Set<string>(); // a parent is always an earlier comment
  // depth stated by markup -> the nearest earlier item one level up is the parent; a skipped
  // (empty, unrecognised) item is a hole at its level, so a reply to it gets no parent, not a wrong one
  const depths = new DepthParents<string>();
  for (let i = 0; i < n; i++) {
    const item = candidates[i]!;
    const id = pick(item, f.id ?? g.id ?? [['', 'id']], ix) ?? `c${i + 1}`;
    idOf.set(item, id);
    const stated = statedDepth(item, f, ix);
    const owner = parentItem(item, ix, adapter.childList);
    // the owner is an earlier item (document order), so its nesting is already known
    depthOf.set(item, owner ? Math.min(100, (depthOf.get(owner) ?? 0) + 1) : 0);
    const ph = placeholderOf(item, adapter.placeholders ?? [], ix);
    // the finder's reading by role fills what the selectors leave empty (once per item, when needed)
    let byRole: ReturnType<NonNullable<SiteAdapter['roles']>> | undefined;
    const roles = () => (byRole ??= roleReader?.(item, (e) => ix.items.has(e) || stripped.has(e)) ?? {});
    let text = readText(item, textSels, ix, stripped, adapter.preLine);
    if (!text && !ph && roleReader) text = roles().text ?? '';
    if (ph) text ||= ph.shown;
    else if (text && adapter.ownerAnswers) {
      const { selectors, mark } = adapter.ownerAnswers;
      const answer = readText(item, selectors, ix, stripped, adapter.preLine);
      if (answer) text += `\n${mark}\n${answer}`; // kept, marked: not the reader's words
    }
    // a placeholder's name is only what the page shows (Reddit's "/user/[deleted]/" link is no name)
    let author: string | undefined;
    for (const sel of authorSels) {
      for (const e of ix.owned(item, sel)) author ||= cleanAuthor(oneLine(blockText(e, skipStrip)));
      if (author) break;
    }
    // a byline pattern can capture a blank name ("Posted by: &nbsp;|" in an empty template): no name
    if (!author && f.authorFrom && !ph) author = cleanAuthor(pick(item, f.authorFrom, ix) ?? '') || undefined;
    if (!author && roleReader && !ph) author = roles().author;
    const keep = text !== '' || !!author || !!ph;
    const up = stated !== undefined ? depths.parentOf(stated) : undefined;
    if (stated !== undefined) depths.add(stated, keep ? id : null);
    if (!keep) {
      out.skipped++;
      yield { done: i + 1, total: n };
      continue;
    }
    const c: RawComment = { id, author: author ?? '', text };
    if (ph) c.placeholder = ph.spec.kind;
    const time = pick(item, timePicks, ix) ?? (roleReader && !ph ? roles().time : undefined);
    if (time) c.time = time;
    const parentAttr = f.parent ? pick(item, f.parent, ix) : undefined;
    if (parentAttr && parentAttr !== id && seenIds.has(parentAttr)) c.parentId = parentAttr;
    else if (owner) {
      const oid = idOf.get(owner);
      if (oid && seenIds.has(oid)) c.parentId = oid; // not a skipped item
    } else if (up) c.parentId = up;
    // a reply whose parent was skipped keeps no depth: the shared parser would otherwise hang it
    // under whichever earlier comment sits one level up, the wrong one
    if (stated !== undefined) {
      if (stated === 0 || c.parentId) c.depth = stated;
    } else if ((c.parentId && !owner) || (owner && !c.parentId)) {
      // a reply-to attribute on a flat list says who, not how deep; a reply nested in a skipped
      // item has no parent to name: either way, depth is left to the parser
    } else {
      c.depth = depthOf.get(item) ?? 0;
    }
    seenIds.add(id);
    comments.push(c);
    elements.push(item);
    yield { done: i + 1, total: n };
  }
  return out;
}
