// Read-only DOM helpers shared by the adapters: text with line breaks, safe queries.

/** Our own panel host: never read as page content. */
export const OWN_HOST_ID = 'comment-lens';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TR', 'UL',
]);
// Never visible text: scripts, styles, and controls whose labels are not what the reader wrote.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SVG', 'svg', 'IFRAME', 'SELECT', 'TEXTAREA', 'INPUT']);

/** querySelectorAll that never throws on a selector one DOM implementation does not support. */
export function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function query(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

export function isOwn(el: Element): boolean {
  return el.id === OWN_HOST_ID || el.closest(`#${OWN_HOST_ID}`) !== null;
}

/** Hidden from the reader: the `hidden` attribute or aria-hidden="true" (an element without attributes is neither). */
function hiddenEl(e: Element): boolean {
  return e.hasAttributes() && (e.getAttribute('hidden') !== null || e.getAttribute('aria-hidden') === 'true');
}

/**
 * Line breaks kept, empty lines dropped, every other run of spaces one space, no space at a line's
 * ends. The same as splitting on "\n", collapsing and trimming each line and joining the non-empty
 * ones, in two native replaces instead of a string per line (measured: a sixth of reading 10,000
 * comments went to the per-line version).
 */
export function normalizeLines(s: string): string {
  // Only what must change is matched (not every single space between words, not every lone line
  // break): first each run of spaces but "\n" that is not one plain space, then each run of " "
  // and "\n" holding a "\n" that is not one lone "\n". Both linear: no run is scanned twice (a
  // lookahead for "\n" across a run of spaces would be quadratic).
  return s.replace(/[^\S\n]{2,}|[^\S\n ]/g, ' ').replace(/ (?: ?\n)+ ?|\n(?: ?\n)+ ?|\n /g, '\n').trim();
}

/**
 * The visible text of `el`, a line break between block elements and at <br>, spaces collapsed.
 * `skip` leaves out a subtree (nested replies, buttons, bylines).
 */
export function blockText(el: Element, skip?: (e: Element) => boolean, preLine = false): string {
  let out = '';
  let pre = 0; // inside <pre>: line breaks in text are real
  const walk = (node: Node): void => {
    if (node.nodeType === 3 /* text */) {
      const v = node.nodeValue ?? '';
      out += pre > 0 || preLine || (!v.includes('\n') && !v.includes('\r')) ? v : v.replace(/[\r\n]+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 /* element */) return;
    const e = node as Element;
    const tag = e.tagName;
    if (SKIP.has(tag) || hiddenEl(e)) return;
    if (e !== el && skip?.(e)) return;
    if (tag === 'BR') {
      out += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (tag === 'PRE') pre++;
    if (block) out += '\n';
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out += '\n';
    if (tag === 'PRE') pre--;
  };
  walk(el);
  return normalizeLines(out);
}

/**
 * Whether `el` shows any text, looking at no more than `budget` nodes: a detection check that
 * stops at the first word instead of reading the whole subtree (a wrapper can hold the page).
 * Past the budget with no text seen, the answer is false.
 */
export function hasText(el: Element, budget = 2000): boolean {
  if (SKIP.has(el.tagName) || el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return false;
  let n = 0;
  let node: Node | null = el.firstChild;
  while (node && n++ < budget) {
    let down = false;
    if (node.nodeType === 3 /* text */) {
      if (/\S/.test(node.nodeValue ?? '')) return true;
    } else if (node.nodeType === 1 /* element */) {
      const e = node as Element;
      down = !SKIP.has(e.tagName) && e.getAttribute('hidden') === null && e.getAttribute('aria-hidden') !== 'true';
    }
    if (down && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    node = node && node !== el ? node.nextSibling : null;
  }
  return false;
}

/** One line of text (names, dates). */
export function lineText(el: Element): string {
  return (el.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The host name of a URL, lower case, or '' when it does not parse. */
export function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
