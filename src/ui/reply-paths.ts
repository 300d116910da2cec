// A reply nested inside its parent's element (WordPress li.comment > ul.children > li.comment) must
// not disappear with the parent: the parent's child that holds it is marked data-lens-keep, which
// the collapse rule spares.
import type { Placement } from './tag';

export class ReplyPaths {
  /** the children of comments marked data-lens-keep */
  private kept = new Set<Element>();

  /**
   * Marks the way from the comment `el` to its nearest enclosing comment (`commentAt` tells which
   * ancestors are comments, and how their tags sit). Parents come first in document order, so
   * they are known when a reply is added.
   */
  mark(el: Element, commentAt: (up: Element) => { placement: Placement } | undefined): void {
    let child: Element = el;
    for (let up = el.parentElement; up; child = up, up = up.parentElement) {
      const parent = commentAt(up);
      if (!parent) continue;
      // `child` is the parent's direct child on the way to the reply (or the reply itself, which
      // then carries its own collapse state). A parent hidden whole ('before') hides its replies.
      if (parent.placement === 'inside') {
        child.setAttribute('data-lens-keep', '');
        this.kept.add(child);
      }
      return;
    }
  }

  /** Forgets the marks on elements the page has removed. */
  prune(): void {
    for (const k of this.kept) {
      if (k.isConnected) continue;
      k.removeAttribute('data-lens-keep');
      this.kept.delete(k);
    }
  }

  /** Takes every mark off. */
  clear(): void {
    for (const k of this.kept) k.removeAttribute('data-lens-keep');
    this.kept.clear();
  }
}
