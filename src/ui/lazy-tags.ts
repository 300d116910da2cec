// Tags on demand for long threads, at a per-frame cost that does not grow with the thread.
// An IntersectionObserver costs every frame that scrolls or changes the page a walk over all its
// targets (12-17 ms at 10,000, measured in Chromium), so only every STRIDE-th comment (a marker)
// is observed: a marker nearing the viewport tags the comments between it and the markers on
// either side, then is dropped. A jump into the middle of a stretch taller than the observer's
// margins crosses no marker, and the observer reports a frame late: so a scroll (or an added
// batch) also tags the stretches on screen, found by a binary search over marker positions, at
// most once per frame.

import { follows } from './doc-order';

/** markers per comment: 1 in 16 (625 targets at 10,000, each tagging up to 30 comments) */
export const STRIDE = 16;
/** a screen or two ahead, so scrolling never shows a gap */
const MARGIN = 1500;

export interface LazyItem {
  el: Element;
}

interface Node<T> {
  item: T;
  prev: Node<T> | null;
  next: Node<T> | null;
  marker: boolean;
}

export class LazyTagger<T extends LazyItem> {
  /** the items in document order (a live update may insert anywhere): a linked list */
  private head: Node<T> | null = null;
  private tail: Node<T> | null = null;
  private nodes = new Map<Element, Node<T>>();
  /** the marker nodes, in document order */
  private markers: Array<Node<T>> = [];
  private io: IntersectionObserver;
  private frame = 0;
  /** taking items in, but watching and tagging none (see pause()) */
  private paused = false;
  private readonly win: Window;
  private readonly onScroll = (): void => this.schedule();

  constructor(
    private doc: Document,
    IO: typeof IntersectionObserver,
    private tag: (item: T) => void,
  ) {
    this.win = doc.defaultView!;
    this.io = new IO((records) => {
      for (const r of records) {
        const n = r.isIntersecting ? this.nodes.get(r.target) : undefined;
        if (!n) continue;
        this.tagStretch(this.markerBefore(n.prev), n);
        this.tagStretch(n, this.markerAfter(n.next));
        // Both its stretches are tagged: it is needed again only when a comment joins one.
        this.io.unobserve(r.target);
      }
    }, { rootMargin: `${MARGIN}px 0px` });
    // Capture: scrolls of inner scrolling boxes do not bubble.
    doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.win.addEventListener('resize', this.onScroll, { passive: true });
  }

  /** Takes items to tag when they near the viewport. */
  add(items: readonly T[]): void {
    for (const item of items) this.insert(item);
    this.schedule();
  }

  /** Items are still taken in, in order, but nothing is observed or tagged until resume(). */
  pause(): void {
    this.paused = true;
  }

  /** Watches every marker and tags what is on screen in the next frame. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    for (const m of this.markers) this.io.observe(m.item.el);
    this.schedule();
  }

  private insert(item: T): void {
    const n: Node<T> = { item, prev: null, next: null, marker: false };
    this.nodes.set(item.el, n);
    const after = this.placeFor(item.el);
    n.prev = after;
    n.next = after ? after.next : this.head;
    if (n.prev) n.prev.next = n;
    else this.head = n;
    if (n.next) n.next.prev = n;
    else this.tail = n;
    // A marker after every STRIDE - 1 plain items, and the first item of all.
    let plain = 0;
    let p = n.prev;
    for (; p && !p.marker && plain < STRIDE - 1; p = p.prev) plain++;
    if (!p || plain >= STRIDE - 1) {
      n.marker = true;
      this.markers.splice(this.markerIndex(n.item.el), 0, n);
    }
    if (this.paused) return; // resume() observes the markers
    // Markers that went unobserved once their stretches were tagged watch again: this one is new.
    const before = n.marker ? n : this.markerBefore(n.prev);
    if (before) this.io.observe(before.item.el);
    const next = this.markerAfter(n.next);
    if (next) this.io.observe(next.item.el);
  }

  /** The node the new element follows in document order (null: it comes first). */
  private placeFor(el: Element): Node<T> | null {
    const t = this.tail;
    if (!t || follows(el, t.item.el)) return t; // the usual case: appended in order
    const i = this.markerIndex(el);
    let p = i > 0 ? this.markers[i - 1]! : null;
    if (!p && (!this.head || !follows(el, this.head.item.el))) return null;
    p ??= this.head!;
    while (p.next && follows(el, p.next.item.el)) p = p.next;
    return p;
  }

  /** Index of the first marker after `el` in document order. */
  private markerIndex(el: Element): number {
    // The usual case first: comments arrive in document order, so a new marker goes last.
    const last = this.markers[this.markers.length - 1];
    if (!last || follows(el, last.item.el)) return this.markers.length;
    let lo = 0;
    let hi = this.markers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (follows(el, this.markers[mid]!.item.el)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private markerBefore(n: Node<T> | null): Node<T> | null {
    while (n && !n.marker) n = n.prev;
    return n;
  }

  private markerAfter(n: Node<T> | null): Node<T> | null {
    while (n && !n.marker) n = n.next;
    return n;
  }

  /** Tags from `from` (the list's head when null) up to, not including, `to`. */
  private tagStretch(from: Node<T> | null, to: Node<T> | null): void {
    for (let n = from ?? this.head; n && n !== to; n = n.next) this.tag(n.item);
  }

  private schedule(): void {
    if (this.frame || this.paused) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      this.sweep();
    });
  }

  /**
   * Tags the stretches on screen now, from the one holding the viewport's top edge to the one
   * holding its bottom edge: a jump (End, an anchor, find-in-page) gets its tags in the frame it
   * lands in, and a viewport inside a stretch taller than the margins, with no marker in range,
   * gets them at all. The observer tags the margins ahead.
   */
  private sweep(): void {
    const top = this.firstBelow(0);
    const from = top > 0 ? this.markers[top - 1]! : null;
    // The end is a shown marker: a hidden one says nothing of where its stretch ends.
    let end = this.firstBelow(this.win.innerHeight);
    while (end < this.markers.length && !shown(this.markers[end]!.item.el.getBoundingClientRect())) end++;
    this.tagStretch(from, this.markers[end] ?? null);
  }

  /**
   * Index of the first marker whose top is below `y` (viewport coordinates), by a binary search:
   * document order is top-to-bottom order. A marker the page hides (no box) takes the place of the
   * next one shown.
   */
  private firstBelow(y: number): number {
    let lo = 0;
    let hi = this.markers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      let j = mid;
      let r: DOMRect | null = null;
      for (; j < hi; j++) if (shown((r = this.markers[j]!.item.el.getBoundingClientRect()))) break;
      if (j === hi || r!.top > y) hi = mid;
      else lo = j + 1;
    }
    return lo;
  }

  /** Forgets items the page removed (their element is no longer in the document). */
  prune(gone: (item: T) => boolean): void {
    for (const [el, n] of this.nodes) {
      if (!gone(n.item)) continue;
      this.nodes.delete(el);
      this.io.unobserve(el);
      if (n.prev) n.prev.next = n.next;
      else this.head = n.next;
      if (n.next) n.next.prev = n.prev;
      else this.tail = n.prev;
      if (!n.marker || this.paused) continue;
      // The stretches on either side merge: watch again the markers that bound the merged one.
      const before = this.markerBefore(n.prev);
      if (before) this.io.observe(before.item.el);
      const after = this.markerAfter(n.next);
      if (after) this.io.observe(after.item.el);
    }
    this.markers = this.markers.filter((m) => this.nodes.get(m.item.el) === m);
  }

  destroy(): void {
    this.io.disconnect();
    this.doc.removeEventListener('scroll', this.onScroll, { capture: true });
    this.win.removeEventListener('resize', this.onScroll);
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.nodes.clear();
    this.markers = [];
    this.head = this.tail = null;
  }
}

/** false for an element without a box (display: none, or inside one) */
function shown(r: DOMRect): boolean {
  return r.width > 0 || r.height > 0;
}
