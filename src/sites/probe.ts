// The cheap first look of detectPage: instead of one long selector list (Chromium matches a list
// element by element against every selector: ~3 ms on a 1,000-element page), the rightmost compound
// of every detect/widget selector becomes one key (an id, a class, a tag or an attribute test) and
// one walk over the elements checks each against the keys. Only a hit runs the real selectors.

type AttrTest = { name: string; op: string; value: string };

export interface ProbeKeys {
  ids: Set<string>;
  idPrefixes: string[];
  classes: Set<string>;
  tags: Set<string>;
  attrs: Map<string, AttrTest[]>;
}

/** Split a selector list on top-level commas (not those inside [...] or (...)). */
export function splitList(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if (ch === '[' || ch === '(') depth++;
    if (ch === ']' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** The compound selectors of one complex selector ("ul.a > li.b" -> ["ul.a", "li.b"]). */
function compounds(selector: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of selector) {
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    if (depth === 0 && (ch === ' ' || ch === '>' || ch === '~' || ch === '+')) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Adds one key for a selector: every compound must be present for it to match, so any compound's
 * key is a necessary condition; the rarest kind wins (an id, then the longest class name, then an
 * attribute test, then a tag). False when it has none we can check.
 */
function addKey(keys: ProbeKeys, selector: string): boolean {
  let best: { rank: number; add: () => void } | null = null;
  const offer = (rank: number, add: () => void): void => {
    if (!best || rank > best.rank) best = { rank, add };
  };
  for (const c of compounds(selector)) {
    const bare = c.replace(/\[[^\]]*\]/g, ''); // "." and "#" inside attribute values are not keys
    const id = /#([\w-]+)/.exec(bare);
    if (id) offer(1000, () => keys.ids.add(id[1] as string));
    for (const m of bare.matchAll(/\.([\w-]+)/g)) offer(100 + (m[1] as string).length, () => keys.classes.add(m[1] as string));
    const attr = /\[([\w:-]+)(?:([~^$*|]?=)"([^"]*)")?\]/.exec(c);
    if (attr) {
      const [, name, op = '', value = ''] = attr as unknown as [string, string, string?, string?];
      if (name === 'id' && op === '^=') offer(90, () => keys.idPrefixes.push(value));
      else
        offer(op ? 50 : 10, () => {
          const list = keys.attrs.get(name) ?? [];
          list.push({ name, op, value });
          keys.attrs.set(name, list);
        });
    }
    const tag = /^([a-zA-Z][\w-]*)/.exec(bare);
    // custom elements are rare; "li" or "div" would match every page
    if (tag && (tag[1] as string).includes('-')) offer(80, () => keys.tags.add((tag[1] as string).toLowerCase()));
  }
  const chosen = best as { rank: number; add: () => void } | null;
  chosen?.add();
  return chosen !== null;
}

export function buildKeys(selectors: readonly string[]): ProbeKeys {
  const keys: ProbeKeys = { ids: new Set(), idPrefixes: [], classes: new Set(), tags: new Set(), attrs: new Map() };
  for (const list of selectors) for (const s of splitList(list)) if (!addKey(keys, s)) keys.tags.add('*');
  return keys;
}

function attrPasses(t: AttrTest, v: string): boolean {
  switch (t.op) {
    case '': return true;
    case '=': return v === t.value;
    case '^=': return v.startsWith(t.value);
    case '$=': return v.endsWith(t.value);
    case '*=': return v.includes(t.value);
    case '~=': return v.split(/\s+/).includes(t.value);
    default: return v === t.value || v.startsWith(`${t.value}-`); // |=
  }
}

// Per element: a few attribute reads and Set lookups, no allocation unless it has a class.
function hits(el: Element, k: ProbeKeys, attrNames: string[]): boolean {
  if (k.tags.has(el.localName)) return true;
  if (!el.hasAttributes()) return false;
  const id = el.getAttribute('id');
  if (id && (k.ids.has(id) || k.idPrefixes.some((p) => id.startsWith(p)))) return true;
  const cls = el.getAttribute('class');
  if (cls) for (const c of cls.split(/\s+/)) if (k.classes.has(c)) return true;
  for (const name of attrNames) {
    const v = el.getAttribute(name);
    if (v !== null && (k.attrs.get(name) as AttrTest[]).some((t) => attrPasses(t, v))) return true;
  }
  return false;
}

/** Whether any element might match one of the selectors the keys came from (no false negatives). */
export function probe(doc: Document, keys: ProbeKeys): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  if (keys.tags.has('*')) return true;
  const attrNames = [...keys.attrs.keys()];
  // iterative pre-order walk: element children only
  let el: Element | null = root;
  while (el) {
    if (hits(el, keys, attrNames)) return true;
    if (el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && !el.nextElementSibling) {
      el = el.parentElement;
      if (el === root) return false;
    }
    el = el ? el.nextElementSibling : null;
  }
  return false;
}
