// Linear-time lookups over the comment items of one read. The old per-item approach (a query in
// each item's subtree, an ancestor walk per match, `contains` between matches, one selector
// compile per `matches` call) cost O(items × subtree): a nested reply's subtree was searched again
// for each ancestor comment. Here each selector runs once per search root, each match is handed to
// the nearest enclosing item found by a memoised walk up, so the work is O(page) per selector.
import { OWN_HOST_ID, queryAll } from './dom';
import { now as clock } from '../shared/clock';

/**
 * Every element matching any selector of `list`. One query per selector: Chromium answers a single
 * class or id from a fast path but matches a list selector by selector at every element (4 WordPress
 * exclusions: ~7 ms on a 74,000-element page, against well under 1 ms one by one).
 */
export function queryEach(roots: readonly ParentNode[], list: readonly string[]): Set<Element> {
  const out = new Set<Element>();
  for (const root of roots) for (const s of list) for (const e of queryAll(root, s)) out.add(e);
  return out;
}

/** Our own panel hosts in `roots` (by their exact id), whose items are never the page's. */
export function ownHosts(roots: readonly ParentNode[]): Element[] {
  // '#id' ignores case in a quirks-mode page: keep the exact id only
  return roots.flatMap((r) => queryAll(r, `#${OWN_HOST_ID}`)).filter((e) => e.id === OWN_HOST_ID);
}

interface Building {
  matches: Element[];
  next: number;
  map: Map<Element, Element[]>;
}

export class ItemIndex {
  private readonly owners = new Map<Element, Element | null>();
  private readonly bySelector = new Map<string, Map<Element, Element[]>>();
  /** selectors whose index warm() has begun but not finished */
  private readonly building = new Map<string, Building>();
  /** false once the item selector fails in closest() (a DOM without it): the memoised walk then */
  private native: boolean;

  /** `selector`, when given, matches every item: ownerOf then asks closest() instead of walking up. */
  constructor(readonly items: Set<Element>, private readonly roots: readonly ParentNode[], private readonly selector?: string) {
    this.native = !!selector;
  }

  /**
   * The nearest enclosing item of `el` (itself excluded), or null. With the item selector, native
   * closest() finds it: an ancestor that matches but is no item (an excluded one) is passed over.
   * Measured at 10,000 comments in Chromium, the memoised walk's map of every ancestor visited
   * cost more in garbage collection than the walk itself.
   */
  ownerOf(el: Element): Element | null {
    if (this.native) {
      try {
        let c = el.parentElement?.closest(this.selector as string) ?? null;
        while (c && !this.items.has(c)) c = c.parentElement?.closest(this.selector as string) ?? null;
        return c;
      } catch {
        this.native = false;
      }
    }
    return this.walkUp(el);
  }

  /** ownerOf by a walk up, memoised along the path walked. */
  private walkUp(el: Element): Element | null {
    const path: Element[] = [];
    let found: Element | null = null;
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (this.items.has(p)) {
        found = p;
        break;
      }
      const known = this.owners.get(p);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(p);
    }
    for (const p of path) this.owners.set(p, found);
    return found;
  }

  /** Matches of `selector` belonging to `item` itself (not to a reply inside it), document order. */
  owned(item: Element, selector: string): Element[] {
    if (selector === '') return [item];
    let map = this.bySelector.get(selector);
    if (!map) {
      // Not warmed (or only in part): the rest of the index now.
      while (!this.warm(selector, Infinity));
      map = this.bySelector.get(selector)!;
    }
    return map.get(item) ?? [];
  }

  /**
   * Builds `selector`'s index a part at a time, for a caller that spreads it over tasks: the query
   * is one call, then matches go to their items until `budgetMs` is spent (at 50,000 comments the
   * whole index in one go took 100-400 ms). True once the index is complete.
   */
  warm(selector: string, budgetMs = 6, now: () => number = clock): boolean {
    if (selector === '' || this.bySelector.has(selector)) return true;
    let b = this.building.get(selector);
    if (!b) {
      b = { matches: this.roots.flatMap((root) => queryAll(root, selector)), next: 0, map: new Map() };
      this.building.set(selector, b);
      if (budgetMs !== Infinity) return false;
    }
    const end = now() + budgetMs;
    while (b.next < b.matches.length) {
      const e = b.matches[b.next++]!;
      const key = this.items.has(e) ? e : this.ownerOf(e);
      if (key) {
        const list = b.map.get(key);
        if (list) list.push(e);
        else b.map.set(key, [e]);
      }
      // the clock every 256 matches: reading it costs more than a match
      if ((b.next & 255) === 0 && b.next < b.matches.length && now() >= end) return false;
    }
    this.building.delete(selector);
    this.bySelector.set(selector, b.map);
    return true;
  }
}
