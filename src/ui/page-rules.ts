// Our rules in the page (PAGE_CSS: collapse, the reading position's outline), adopted into every
// root that holds a comment: the document, or a shadow root. Adopted empty, filled on first need:
// while no rule names our data-lens-* attributes, marking 10,000 comments invalidates no style (with
// the rules in, each mark restyled the comment's whole subtree: ~50 ms frames while labelling,
// measured in Chromium). A document that refuses the sheet gets inline styles instead.
import { adopt, makeSheet, type StyleRoot } from './sheets';
import { PAGE_CSS } from './styles';

export class PageRules {
  private roots = new Set<StyleRoot>();
  private undo: Array<() => void> = [];
  private sheet: CSSStyleSheet | null;
  private on = false;
  /** true when the page refused our stylesheet: hide with an inline style instead */
  inlineFallback = false;

  constructor(doc: Document) {
    this.sheet = makeSheet('', doc);
  }

  /** The root (document or shadow root) holding `el` gets the sheet, once per root. */
  cover(el: Element): void {
    const root = el.getRootNode() as StyleRoot;
    if (this.roots.has(root)) return;
    this.roots.add(root);
    const off = adopt(root, this.sheet, PAGE_CSS);
    if (off) this.undo.push(off);
    else if (root.nodeType === 9) this.inlineFallback = true;
  }

  /** The rules, from the first time they can match (a collapsed or current comment) on. */
  enable(): void {
    if (this.on || !this.sheet) return;
    this.on = true;
    this.sheet.replaceSync(PAGE_CSS);
  }

  /** Every root covered so far. */
  get covered(): ReadonlySet<StyleRoot> {
    return this.roots;
  }

  /** Takes the sheet back out of every root. */
  remove(): void {
    for (const off of this.undo.splice(0)) off();
    this.roots.clear();
  }
}

/** Hides a comment with an inline style (where the page refused our sheet), or puts its own back. */
export function inlineHide(e: { el: Element; savedStyle?: string | null }, hide: boolean): void {
  const h = e.el as HTMLElement;
  if (hide) {
    e.savedStyle = h.getAttribute('style');
    h.style.setProperty('display', 'none', 'important');
  } else {
    if (e.savedStyle == null) h.removeAttribute('style');
    else h.setAttribute('style', e.savedStyle);
    delete e.savedStyle;
  }
}
