// The page side of the UI: marks each comment element with our data-lens-* attributes, attaches
// its tag, hides and shows it. Nothing of the page is removed or rewritten; destroy() undoes all.
import type { Stance, StanceLabel } from '../parser/types';
import { notLabelled } from '../stance/language';
import { makeSheet } from './sheets';
import { TAG_CSS } from './styles';
import { inlineHide, PageRules } from './page-rules';
import { ReplyPaths } from './reply-paths';
import { LazyTagger } from './lazy-tags';
import { claimComment, createTag, type Placement, type Tag } from './tag';

export const LENS_ATTRS = ['data-lens-stance', 'data-lens-collapsed', 'data-lens-place', 'data-lens-current', 'data-lens-keep'] as const;

/**
 * Above this many comments, tags are built only as their comment nears the viewport: every tag
 * inserted re-lays out the page, and on a 10,000-comment page that, not labelling, is the cost.
 */
export const LAZY_TAGS_ABOVE = 300;

export interface CommentItem {
  el: Element;
  author: string;
  label: StanceLabel;
  /** the site shows this slot without content: the tag says so instead of a stance */
  placeholder?: 'deleted' | 'private';
}

interface Entry extends CommentItem {
  tag: Tag | null;
  placement: Placement;
  collapsed: boolean;
  /** the page's own style attribute, kept while our inline fallback hides the comment */
  savedStyle?: string | null;
}

export class CommentLayer {
  private entries: Entry[] = [];
  private byEl = new Map<Element, Entry>();
  private page: PageRules;
  private tagSheet: CSSStyleSheet | null;
  private badges: boolean;
  private theme: 'light' | 'dark';
  private current = -1;
  private lazy: LazyTagger<Entry> | null = null;
  /** children of a comment that hold its nested replies: kept visible when it collapses */
  private replies = new ReplyPaths();
  /** parent node of the last comment added: its root is covered by the page rules already */
  private lastParent: Node | null = null;
  /** while held (see hold()): the comments whose tags would be built at once, waiting for release() */
  private held: Entry[] | null = null;

  constructor(
    private doc: Document,
    private opts: { theme: 'light' | 'dark'; showBadges: boolean; onToggle: (i: number) => void },
  ) {
    this.page = new PageRules(doc);
    this.tagSheet = makeSheet(TAG_CSS, doc);
    this.badges = opts.showBadges;
    this.theme = opts.theme;
  }

  /** Called once the comment count is known: many comments -> tags on demand (lazy-tags.ts). */
  expect(total: number): void {
    const IO = this.doc.defaultView?.IntersectionObserver;
    if (total <= LAZY_TAGS_ABOVE || !IO || this.lazy) return;
    this.lazy = new LazyTagger<Entry>(this.doc, IO, (e) => this.ensureTag(e));
    if (this.held) this.lazy.pause();
  }

  get size(): number {
    return this.entries.length;
  }

  item(i: number): Readonly<CommentItem> & { collapsed: boolean } {
    const e = this.entries[i]!;
    return { el: e.el, author: e.author, label: e.label, collapsed: e.collapsed };
  }

  private ensureTag(e: Entry): Tag {
    if (e.tag) return e.tag;
    const tag = createTag({
      doc: this.doc,
      comment: e.el,
      placement: e.placement,
      author: e.author,
      label: e.label,
      placeholder: e.placeholder,
      sheet: this.tagSheet,
      theme: this.theme,
      // Found by identity at click time: prune() may shift indexes after a live update.
      onToggle: () => this.opts.onToggle(this.entries.indexOf(e)),
    });
    tag.setBadges(this.badges);
    tag.setCollapsed(e.collapsed);
    e.tag = tag;
    return tag;
  }

  /**
   * Tags wait until release(): during the first pass, its batches mark their comments without
   * changing the page's layout, and the tags on screen all come in one frame at the end (each
   * batch's tags and sweep cost a frame of layout: ~15 ms at 1,000 comments, 60-90 ms at 10,000).
   * Many comments: the lazy tagger takes them in as they come, but watches none till then. A
   * comment collapsed meanwhile ends the hold: its stub is the way to expand it.
   */
  hold(): void {
    this.held ??= [];
    this.lazy?.pause();
  }

  release(): void {
    const held = this.held;
    this.held = null;
    this.lazy?.resume();
    // Pruned while held: no tag for a comment the page took out.
    for (const e of held ?? []) if (this.byEl.get(e.el) === e) this.ensureTag(e);
  }

  /** Marks and tags the given comments (append order = comment order). */
  add(items: readonly CommentItem[]): void {
    // A thread that live updates grow past the bound: the comments from here on are tagged lazily.
    if (!this.lazy) this.expect(this.entries.length + items.length);
    const added: Entry[] = [];
    for (const item of items) {
      // Siblings share a root: getRootNode() only when the parent changes.
      const parent = item.el.parentNode;
      if (parent === null || parent !== this.lastParent) {
        this.page.cover(item.el);
        this.lastParent = parent;
      }
      // A page that clones a tagged comment to make a new one copies our tag (without its
      // shadow root): such copies go in the same walk over the children that places the tag.
      const placement: Placement = claimComment(item.el, this.page.inlineFallback);
      const e: Entry = { ...item, tag: null, placement, collapsed: false };
      // "none": no stance (a language the engine does not read), never a stance it does not have.
      item.el.setAttribute('data-lens-stance', notLabelled(item.label) ? 'none' : item.label.label);
      item.el.setAttribute('data-lens-collapsed', 'false');
      item.el.setAttribute('data-lens-place', placement);
      this.entries.push(e);
      this.byEl.set(item.el, e);
      this.replies.mark(item.el, (up) => this.byEl.get(up));
      added.push(e);
    }
    this.lastParent = null; // the page may move nodes between calls
    const later: Entry[] = [];
    for (const e of added) {
      // A comment hidden whole ('before') never intersects: its stub must exist up front.
      if (this.lazy && e.placement === 'inside') later.push(e);
      else if (this.held) this.held.push(e);
      else this.ensureTag(e);
    }
    if (later.length) this.lazy?.add(later);
  }

  /**
   * A new label for a comment already here (the refined pass): its stance attribute and its tag
   * anew, in place (a tag not built yet is built with the new label when its turn comes). The
   * comment stays collapsed or shown as it was: the reader's view does not move under them.
   */
  relabel(el: Element, label: StanceLabel): boolean {
    const e = this.byEl.get(el);
    if (!e || e.placeholder) return false;
    e.label = label;
    el.setAttribute('data-lens-stance', notLabelled(label) ? 'none' : label.label);
    const old = e.tag;
    if (!old) return true;
    const focused = this.entries[this.current] === e;
    e.tag = null;
    old.outer.remove();
    const tag = this.ensureTag(e);
    if (focused) tag.toggle.focus({ preventScroll: true });
    return true;
  }

  isCollapsed(i: number): boolean {
    return this.entries[i]?.collapsed ?? false;
  }

  setCollapsed(i: number, collapsed: boolean): void {
    const e = this.entries[i];
    if (!e || e.collapsed === collapsed) return;
    e.collapsed = collapsed;
    if (collapsed) {
      this.page.enable();
      this.release();
    }
    e.el.setAttribute('data-lens-collapsed', String(collapsed));
    e.tag?.setCollapsed(collapsed);
    if (this.page.inlineFallback) inlineHide(e, collapsed);
  }

  /** Collapses exactly the comments for which `pred` is true and expands the rest. */
  collapseWhere(pred: (label: Stance, i: number) => boolean): void {
    this.entries.forEach((e, i) => this.setCollapsed(i, pred(e.label.label, i)));
  }

  setBadges(on: boolean): void {
    this.badges = on;
    for (const e of this.entries) e.tag?.setBadges(on);
  }

  get currentIndex(): number {
    return this.current;
  }

  /** Moves the reading position to comment i: outline, scroll, focus its toggle. */
  focus(i: number): void {
    const prev = this.entries[this.current];
    prev?.el.removeAttribute('data-lens-current');
    const e = this.entries[i];
    this.current = e ? i : -1;
    if (!e) return;
    this.page.enable();
    e.el.setAttribute('data-lens-current', 'true');
    const tag = this.ensureTag(e);
    // The tag stays visible in both states, so it is the scroll and focus target.
    tag.host.scrollIntoView?.({ block: 'center' });
    tag.toggle.focus({ preventScroll: true });
  }

  /** Index of the comment whose element is el, or -1. */
  indexOf(el: Element): number {
    const e = this.byEl.get(el);
    return e ? this.entries.indexOf(e) : -1;
  }

  has(el: Element): boolean {
    return this.byEl.has(el);
  }

  /**
   * Forgets comments the page itself has removed, and takes our marks off them: a tag placed
   * 'before' its comment is a sibling that would otherwise stay behind as a stray stub, and a
   * comment the page puts back later is tagged afresh rather than carrying a dead tag.
   */
  prune(): void {
    const cur = this.entries[this.current];
    this.entries = this.entries.filter((e) => {
      if (e.el.isConnected) return true;
      this.byEl.delete(e.el);
      if (e.collapsed && this.page.inlineFallback) inlineHide(e, false);
      e.tag?.outer.remove();
      for (const a of LENS_ATTRS) e.el.removeAttribute(a);
      return false;
    });
    this.lazy?.prune((e) => !e.el.isConnected);
    if (this.held) this.held = this.held.filter((e) => this.byEl.get(e.el) === e);
    this.replies.prune();
    this.current = cur ? this.entries.indexOf(cur) : -1;
  }

  destroy(): void {
    this.lazy?.destroy();
    this.lazy = null;
    this.held = null;
    for (const e of this.entries) {
      if (e.collapsed && this.page.inlineFallback) inlineHide(e, false);
      e.tag?.outer.remove();
      for (const a of LENS_ATTRS) e.el.removeAttribute(a);
    }
    this.replies.clear();
    this.entries = [];
    this.byEl.clear();
    // Copies the page made of our nodes or attributes (cloned comments) go too.
    for (const root of this.page.covered) {
      for (const own of root.querySelectorAll('comment-lens-tag, [data-lens-own]:not(#comment-lens)')) own.remove();
      for (const el of root.querySelectorAll('[data-lens-stance], [data-lens-collapsed], [data-lens-keep]')) for (const a of LENS_ATTRS) el.removeAttribute(a);
    }
    this.page.remove();
    this.current = -1;
  }
}
