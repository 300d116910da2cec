// The whole visible UI for one page: the panel, the comment tags, the shortcuts. The content
// script feeds it comments and a summary; every reader action goes through here.
import type { Stance, StanceLabel, Summary } from '../parser/types';
import { notLabelled } from '../stance/language';
import type { Gist } from '../summary/gist';
import type { FrameCommand, FrameReport } from '../shared/messages';
import { POSITIONS, type Settings } from '../options/schema';
import { CommentLayer, type CommentItem } from './comments';
import type { GistComment } from './gist-view';
import { t } from './i18n';
import { emptySummary, framesState, sumSummaries, withReport } from './frames';
import { listenKeys } from './keyboard';
import { step } from './keys';
import { Panel } from './panel';
import { pageTheme } from './theme';

export interface LensUIOptions {
  /** in a comment frame: badges and collapse on the comments, no panel (the top frame shows it) */
  headless?: boolean;
  /** top frame: passes a panel action on to the comment frames (ids) that reported */
  relay?: (command: FrameCommand, frameIds: number[]) => void;
  /**
   * Keeps the panel out of the page until the first result, or until this many ms have passed
   * (then it shows its progress). A page read in less time gets one panel paint instead of a
   * "Reading…" paint and a repaint per progress step; long work still shows progress soon.
   */
  revealAfterMs?: number;
}

export const FRAME_STATUS = t('frameStatus');

export class LensUI {
  /** null in a comment frame (headless) */
  readonly panel: Panel | null;
  readonly layer: CommentLayer;
  private filter: Stance | null = null;
  /**
   * What the reader last did to all comments at once: comments arriving later follow it
   * ('collapsed' after Collapse all, 'expanded' after Expand all), or the load mode when null.
   */
  private bulk: 'collapsed' | 'expanded' | null = null;
  /** what comment frames reported, by frame id; their counts are added to this page's own */
  private frames = new Map<number, FrameReport>();
  private own: Summary | null = null;
  private ownReady = false;
  private waitingFramed = false;
  /** the gist's comments by id: their element (to go to) and what the gist shows of them */
  private gistComments: (id: string) => (GistComment & { el: Element }) | undefined = () => undefined;

  constructor(
    doc: Document,
    private settings: Settings,
    signal: AbortSignal,
    /** stores a settings change made from the panel (minimize, move) */
    private persist: (change: Partial<Settings>) => void,
    private opts: LensUIOptions = {},
  ) {
    const theme = pageTheme(doc);
    this.layer = new CommentLayer(doc, { theme, showBadges: settings.showBadges, onToggle: (i) => this.toggle(i) });
    this.panel = opts.headless
      ? null
      : new Panel(doc, {
          position: settings.position,
          minimized: settings.minimized,
          theme,
          deferMount: opts.revealAfterMs !== undefined,
          actions: {
            collapseAll: () => this.command({ command: 'collapse-all' }, true),
            expandAll: () => this.command({ command: 'expand-all' }, true),
            filter: (stance) => this.command({ command: 'filter', stance }, true),
            minimize: (min) => {
              this.panel?.setMinimized(min);
              this.persist({ minimized: min });
            },
            openComment: (id) => this.openComment(id),
            move: () => {
              const next = POSITIONS[(POSITIONS.indexOf(this.settings.position) + 1) % POSITIONS.length]!;
              this.settings = { ...this.settings, position: next };
              this.panel?.setPosition(next);
              this.persist({ position: next });
            },
          },
        });
    listenKeys(doc, signal, (action) => {
      const n = this.layer.size;
      if (action === 'next') this.layer.focus(step(this.layer.currentIndex, n, 1));
      else if (action === 'previous') this.layer.focus(step(this.layer.currentIndex, n, -1));
      else if (action === 'toggle' && this.layer.currentIndex >= 0) this.toggle(this.layer.currentIndex);
      else if (action === 'collapse-all') this.command({ command: 'collapse-all' }, !opts.headless);
      else if (action === 'help' && this.panel) {
        this.reveal();
        this.panel.setMinimized(false);
        this.panel.toggleHelp();
      }
    });
    signal.addEventListener('abort', () => this.destroy(), { once: true });
    if (opts.revealAfterMs !== undefined) {
      this.layer.hold();
      // Long work: the panel shows its progress; the tags still wait for the result (see hold()).
      const timer = setTimeout(() => this.panel?.mount(), opts.revealAfterMs);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }
  }

  /**
   * The panel into the page (see revealAfterMs), and the comments' tags held till then: at once
   * for a result or a reader's action.
   */
  reveal(): void {
    this.layer.release();
    this.panel?.mount();
  }

  /** A bulk action here, and (`relay`: from the top panel) in every comment frame that reported. */
  command(cmd: FrameCommand, relay = false): void {
    this.reveal();
    if (cmd.command === 'collapse-all') this.collapseAll();
    else if (cmd.command === 'expand-all') this.expandAll();
    else this.toggleFilter(cmd.stance);
    if (relay && this.frames.size) this.opts.relay?.(cmd, [...this.frames.keys()]);
  }

  /** How many comments the page has (before they are added), to pick eager or lazy tags. */
  expect(total: number): void {
    this.layer.expect(total);
  }

  addComments(items: readonly CommentItem[]): void {
    const start = this.layer.size;
    this.layer.add(items);
    for (let i = start; i < this.layer.size; i++) this.layer.setCollapsed(i, this.collapsedOnArrival(this.layer.item(i).label));
  }

  /** A new comment follows the filter in force, else the last collapse/expand all, else the load mode. */
  private collapsedOnArrival(full: StanceLabel): boolean {
    const label = full.label;
    // A comment with no stance (its language) is in no stance's chip, so no chip folds it.
    if (this.filter) return label === this.filter && !notLabelled(full);
    if (this.bulk) return this.bulk === 'collapsed';
    return this.collapsedOnLoad(full);
  }

  private collapsedOnLoad(label: StanceLabel): boolean {
    const s = this.settings;
    return s.loadMode === 'collapse-all' || (s.loadMode === 'collapse-stance' && label.label === s.collapseStance && !notLabelled(label));
  }

  /** One comment shown or hidden: the page is mixed now, so later comments follow the load mode. */
  toggle(i: number): void {
    this.bulk = null;
    this.layer.setCollapsed(i, !this.layer.isCollapsed(i));
    if (this.layer.currentIndex !== i) this.layer.focus(i);
  }

  collapseAll(): void {
    this.setFilter(null);
    this.bulk = 'collapsed';
    this.layer.collapseWhere(() => true);
  }

  expandAll(): void {
    this.setFilter(null);
    this.bulk = 'expanded';
    this.layer.collapseWhere(() => false);
  }

  /** A stance chip collapses exactly that stance (the rest shown); pressing it again shows all. */
  toggleFilter(stance: Stance): void {
    if (this.filter === stance) return this.expandAll();
    this.setFilter(stance);
    this.bulk = null;
    this.layer.collapseWhere((label, i) => label === stance && !notLabelled(this.layer.item(i).label));
  }

  /** Collapses what the reader's load mode says (on load, and when the mode changes). */
  applyLoadMode(): void {
    this.setFilter(null);
    this.bulk = null;
    this.layer.collapseWhere((_label, i) => this.collapsedOnLoad(this.layer.item(i).label));
  }

  private setFilter(stance: Stance | null): void {
    this.filter = stance;
    this.panel?.setFilter(stance);
  }

  setProgress(done: number, total: number): void {
    this.panel?.setState('labelling');
    this.panel?.setProgress(done, total);
  }

  /**
   * The refined pass's progress under the counts ("Refining n of N"), and its state on the panel's
   * host (data-lens-refine: waiting, running, done, failed, skipped) for tests and assistive tools; null: it ended.
   */
  setRefining(done: number | null, total = 0, state: 'done' | 'failed' | 'skipped' = 'done'): void {
    this.panel?.setRefine(done === null ? state : 'running', done === null ? '' : t('refining', String(done), String(total)));
    // the comment frames' status comes back once the progress is gone
    if (done === null && this.frames.size) this.renderFrames();
  }

  /** A fast pass (the first, or a live update's) is on its way: the refined pass comes after it. */
  refineWaits(): void {
    this.panel?.setRefine('waiting');
  }

  relabel(el: Element, label: StanceLabel): void {
    this.layer.relabel(el, label);
  }

  /** Something failed (a bug of ours, or a page we misread): say so rather than spin forever. */
  setError(): void {
    this.reveal();
    this.panel?.setState('error');
  }

  setStatus(text: string): void {
    this.panel?.setStatus(text);
  }

  /** A comment widget without readable comments; `framed`: they load in a frame of their own. */
  setWaiting(framed = false): void {
    this.reveal();
    this.own = null;
    this.waitingFramed = framed;
    if (this.frames.size) return this.renderFrames();
    this.panel?.setState('waiting');
    if (framed) this.panel?.setStatus(t('statusFramed'));
  }

  setSummary(summary: Summary, ready: boolean): void {
    if (ready) this.reveal();
    this.own = summary;
    this.ownReady = ready;
    if (this.frames.size) return this.renderFrames();
    this.panel?.setSummary(summary);
    if (ready) this.panel?.setState('ready');
  }

  /** A comment frame's report; returns the total the panel shows now (for the toolbar badge). */
  setFrame(frameId: number, report: FrameReport): number {
    // Another frame's comments: the panel shows them; this page's own tags wait for its result.
    this.panel?.mount();
    this.frames = withReport(this.frames, frameId, report);
    if (this.frames.size) this.renderFrames();
    else if (this.own && this.ownReady) this.setSummary(this.own, true);
    else {
      this.panel?.setSummary(this.own ?? emptySummary());
      this.setWaiting(this.waitingFramed);
    }
    return this.shownTotal();
  }

  /** The total the panel shows: this page's comments and the frames'. */
  shownTotal(): number {
    // The totals alone: summing the author tables too took ~9 ms at 50,000 comments.
    let total = this.own?.total ?? 0;
    for (const r of this.frames.values()) total += r.total;
    return total;
  }

  /** This page's own comments (if any) plus every frame's, with a status naming the frame. */
  private renderFrames(): void {
    const panel = this.panel;
    if (!panel) return;
    panel.setSummary(sumSummaries([this.own ?? emptySummary(), ...this.frames.values()]));
    const state = framesState(this.frames.values());
    panel.setState(state);
    const where = this.own?.total ? t('frameAndPage') : FRAME_STATUS;
    if (state === 'labelling') panel.setStatus(t('frameLabelling', where));
    else if (state === 'error') panel.setStatus(t('frameError', where));
    else panel.setStatus(where);
  }

  /**
   * The gist under the counts (after the first panel: it is computed in slices afterwards), with
   * a lookup from a cited comment's id to its element and words.
   */
  setGist(gist: Gist | null, comments: (id: string) => (GistComment & { el: Element }) | undefined): void {
    this.gistComments = comments;
    this.panel?.gist.render(gist, comments);
  }

  /**
   * A gist link: scroll to the comment, expand it if collapsed, and make it the current one (the
   * outline j/k use, and keyboard focus on its toggle). False when the page no longer holds it.
   */
  openComment(id: string): boolean {
    const el = this.gistComments(id)?.el;
    const i = el ? this.layer.indexOf(el) : -1;
    if (i < 0) return false;
    this.reveal();
    if (this.layer.isCollapsed(i)) {
      this.bulk = null; // the page is mixed now: later comments follow the load mode
      this.layer.setCollapsed(i, false);
    }
    this.layer.focus(i);
    return true;
  }

  /** Settings changed in another tab or the options page: apply without a reload. */
  applySettings(next: Settings): void {
    const modeChanged = next.loadMode !== this.settings.loadMode || next.collapseStance !== this.settings.collapseStance;
    this.settings = next;
    if (modeChanged) this.applyLoadMode();
    this.layer.setBadges(next.showBadges);
    this.panel?.setPosition(next.position);
    this.panel?.setMinimized(next.minimized);
  }

  private destroy(): void {
    this.layer.destroy();
    this.panel?.destroy();
  }
}
