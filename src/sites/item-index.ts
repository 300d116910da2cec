// Linear-time lookups over the comment items of one read. The old per-item approach (a query in
// each item's subtree, an ancestor walk per match, `contains` between matches, one selector
// compile per `matches` call) cost O(items × subtree): a nested reply's subtree was searched again
// for each ancestor comment. Here each selector runs once per search root, each match is handed to
// the nearest enclosing item found by a memoised walk up, so the work is O(page) per selector.
import { OWN_HOST_ID, queryAll } from './dom';

/** Every element matching any selector of `list`; one combined query, per selector if a DOM rejects it. */
export function queryEach(roots: readonly ParentNode[], list: readonly string[]): Set<Element> {
  const out = new Set<Element>();
  if (list.length === 0) return out;
  for (const root of roots) {
    let found: Element[] | null = null;
    try {
      found = Array.from(root.querySelectorAll(list.join(', ')));
    } catch {
      found = list.flatMap((s) => queryAll(root, s)); // one unsupported selector must not hide the rest
    }
    for (const e of found) out.add(e);
  }
  return out;
}

export class ItemIndex {
  private readonly owners = new Map<Element, Element | null>();
  private readonly bySelector = new Map<string, Map<Element, Element[]>>();

  constructor(readonly items: Set<Element>, private readonly roots: readonly ParentNode[]) {}

  /** The nearest enclosing item of `el` (itself excluded), or null; memoised along the path walked. */
  ownerOf(el: Element): Element | null {
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
      map = new Map();
      for (const root of this.roots) {
        for (const e of queryAll(root, selector)) {
          const key = this.items.has(e) ? e : this.ownerOf(e);
          if (!key) continue;
          const list = map.get(key);
          if (list) list.push(e);
          else map.set(key, [e]);
        }
      }
      this.bySelector.set(selector, map);
    }
    return map.get(item) ?? [];
  }
}

/**
 * Whether `el` is inside (or is) an element of `marked` or our own panel host: one memoised walk
 * up, so testing every item of a long list costs O(page), not O(items × depth × selectors).
 */
export function insideAny(el: Element, marked: Set<Element>, memo: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let hit = false;
  for (let p: Element | null = el; p; p = p.parentElement) {
    const known = memo.get(p);
    if (known !== undefined) {
      hit = known;
      break;
    }
    path.push(p);
    if (marked.has(p) || p.id === OWN_HOST_ID) {
      hit = true;
      break;
    }
  }
  for (const p of path) memo.set(p, hit);
  return hit;
}
