// The cheap first look of detectPage: instead of one long selector list (Chromium matches a list
// element by element against every selector: ~3 ms on a 1,000-element page), the rarest compound
// of every detect/widget selector becomes one key (an id, a class, a tag or an attribute test).
// Only selectors whose key is present run as real queries: a page with one #comments no longer pays
// ~70 whole-document queries for the rest. The keys are asked of the browser one by one
// (nativeProbe), or all at once by one walk over the elements (candidates).

type AttrTest = { name: string; op: string; value: string; sel: number };

/** Each key lists the selectors (by index into `selectors`) it is a necessary condition of. */
export interface ProbeKeys {
  /** every complex selector, split out of the lists given to buildKeys */
  selectors: string[];
  ids: Map<string, number[]>;
  idPrefixes: [prefix: string, sel: number][];
  classes: Map<string, number[]>;
  tags: Map<string, number[]>;
  attrs: Map<string, AttrTest[]>;
  /** selectors with no key we can check: always candidates */
  always: number[];
  /** any class key as a whole word: most class attributes fail it and are never split */
  classRe: RegExp;
  /** per selector (same index): its key as one simple CSS selector ('#id', '.class', 'tag', '[attr]'), '' when none */
  keyCss: string[];
  /** selector -> its index in `selectors` */
  index: Map<string, number>;
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

const push = (m: Map<string, number[]>, k: string, sel: number): void => {
  const list = m.get(k);
  if (list) list.push(sel);
  else m.set(k, [sel]);
};

/**
 * Adds one key for selector `sel`: every compound must be present for it to match, so any
 * compound's key is a necessary condition; the rarest kind wins (an id, then the longest class
 * name, then an attribute test, then a tag). False when it has none we can check.
 */
function addKey(keys: ProbeKeys, selector: string, sel: number): boolean {
  let best: { rank: number; add: () => void; css: string } | null = null;
  const offer = (rank: number, add: () => void, css: string): void => {
    if (!best || rank > best.rank) best = { rank, add, css };
  };
  for (const c of compounds(selector)) {
    const bare = c.replace(/\[[^\]]*\]/g, ''); // "." and "#" inside attribute values are not keys
    const id = /#([\w-]+)/.exec(bare);
    if (id) offer(1000, () => push(keys.ids, id[1] as string, sel), `#${id[1] as string}`);
    for (const m of bare.matchAll(/\.([\w-]+)/g)) offer(100 + (m[1] as string).length, () => push(keys.classes, m[1] as string, sel), `.${ident(m[1] as string)}`);
    const attr = /\[([\w:-]+)(?:([~^$*|]?=)"([^"]*)")?\]/.exec(c);
    if (attr) {
      const [, name, op = '', value = ''] = attr as unknown as [string, string, string?, string?];
      const css = op ? `[${name}${op}"${value.replace(/["\\]/g, '\\$&')}"]` : `[${name}]`;
      if (name === 'id' && op === '^=') offer(90, () => keys.idPrefixes.push([value, sel]), css);
      else
        offer(op ? 50 : 10, () => {
          const list = keys.attrs.get(name) ?? [];
          list.push({ name, op, value, sel });
          keys.attrs.set(name, list);
        }, css);
    }
    const tag = /^([a-zA-Z][\w-]*)/.exec(bare);
    // custom elements are rare; "li" or "div" would match every page
    if (tag && (tag[1] as string).includes('-')) offer(80, () => push(keys.tags, (tag[1] as string).toLowerCase(), sel), (tag[1] as string).toLowerCase());
  }
  const chosen = best as { rank: number; add: () => void; css: string } | null;
  chosen?.add();
  keys.keyCss[sel] = chosen?.css ?? '';
  return chosen !== null;
}

/** A [\w-]+ name as a CSS identifier: a leading digit (after an optional '-') must be escaped. */
function ident(name: string): string {
  return name.replace(/^(-?)(\d)/, (_, dash: string, d: string) => `${dash}\\3${d} `);
}

export function buildKeys(lists: readonly string[]): ProbeKeys {
  const keys: ProbeKeys = {
    selectors: [], ids: new Map(), idPrefixes: [], classes: new Map(), tags: new Map(), attrs: new Map(), always: [], classRe: /$^/,
    keyCss: [], index: new Map(),
  };
  const seen = new Set<string>();
  for (const list of lists) {
    for (const s of splitList(list)) {
      if (seen.has(s)) continue;
      seen.add(s);
      const sel = keys.selectors.push(s) - 1;
      keys.index.set(s, sel);
      if (!addKey(keys, s, sel)) keys.always.push(sel);
    }
  }
  const names = [...keys.classes.keys()].map((c) => c.replace(/[^\w]/g, '\\$&'));
  if (names.length) keys.classRe = new RegExp(`(?:^|\\s)(?:${names.join('|')})(?:\\s|$)`);
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

// Per element: a few attribute reads and map lookups. Measured on YouTube's 5,000 elements in
// Chromium: one regex test instead of splitting every class attribute, and the element's own
// attribute names instead of a getAttribute per keyed name, each halved the walk. (el.attributes
// was slower still: it creates an Attr object per attribute.)
function collect(el: Element, k: ProbeKeys, out: Set<number>): void {
  const add = (list: readonly number[] | undefined): void => {
    if (list) for (const i of list) out.add(i);
  };
  add(k.tags.get(el.localName));
  if (!el.hasAttributes()) return;
  const id = el.getAttribute('id');
  if (id) {
    add(k.ids.get(id));
    for (const [p, i] of k.idPrefixes) if (id.startsWith(p)) out.add(i);
  }
  const cls = el.getAttribute('class');
  if (cls && k.classRe.test(cls)) for (const c of cls.split(/\s+/)) add(k.classes.get(c));
  for (const name of el.getAttributeNames()) {
    const tests = k.attrs.get(name);
    if (!tests) continue;
    const v = el.getAttribute(name) ?? '';
    for (const t of tests) if (attrPasses(t, v)) out.add(t.sel);
  }
}

/**
 * The selectors that might match somewhere in the document (no false negatives): one walk over the
 * elements; only these need a real query. Empty on the common page without comment markup.
 */
export function candidates(doc: Document, keys: ProbeKeys): Set<string> {
  const found = new Set<number>(keys.always);
  const root = doc.documentElement;
  if (root) {
    // iterative pre-order walk: element children only
    let el: Element | null = root;
    while (el) {
      collect(el, keys, found);
      if (el.firstElementChild) {
        el = el.firstElementChild;
        continue;
      }
      while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
      el = el && el !== root ? el.nextElementSibling : null;
    }
  }
  return new Set([...found].map((i) => keys.selectors[i] as string));
}

/** Whether a selector (of the lists the keys came from) might match: false only when it cannot. */
export type Possible = (selector: string) => boolean;

/**
 * The same answer as candidates(), asked of the browser one key at a time, on demand: an id is a
 * hash lookup, a class, tag or attribute key one native scan that stops at its first match. Measured
 * in Chromium on a 74,000-element page: ~0.5 ms per absent class key, where the JS walk takes ~40
 * ms; detectPage asks in priority order, so keys of adapters after the one found are never asked.
 */
export function nativeProbe(doc: Document, keys: ProbeKeys): Possible {
  const seen = new Map<string, boolean>();
  const has = (css: string): boolean => {
    let v = seen.get(css);
    if (v === undefined) {
      try {
        v = css.startsWith('#') ? doc.getElementById(css.slice(1)) !== null : doc.querySelector(css) !== null;
      } catch {
        v = true; // a DOM that rejects the key: let the real query decide
      }
      seen.set(css, v);
    }
    return v;
  };
  return (s) => {
    const i = keys.index.get(s);
    const css = i === undefined ? '' : keys.keyCss[i];
    return !css || has(css);
  };
}

/** Whether any element might match one of the selectors the keys came from. */
export function probe(doc: Document, keys: ProbeKeys): boolean {
  return candidates(doc, keys).size > 0;
}
