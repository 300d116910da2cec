// One page's run: extract -> thread -> labels (in the background when it answers, else in the
// page; applied in slices, with progress) -> summary -> UI, then keep following live comments.
// Everything hangs off one AbortController: stop() leaves the page as it was (panel, tags,
// data-lens-* attributes, stylesheets, observers and the labelling port all gone).
import { now as clock } from '../shared/clock';
import { buildThread, threadStage } from '../parser/thread';
import type { RawPage, StanceLabel, Summary, Thread } from '../parser/types';
import type { FrameCommand, FrameReport, FrameState } from '../shared/messages';
import type { Settings } from '../options/schema';
import type { Engine } from '../stance/engine';
import type { Extraction, SiteAdapter } from '../sites/registry';
import { gistStage } from '../summary/gist';
import { summarize, summaryStage } from '../summary/summarize';
import type { CommentItem } from '../ui/comments';
import { emptySummary, reportOf, withReport } from '../ui/frames';
import { t } from '../ui/i18n';
import { LensUI } from '../ui/lens-ui';
import { labelPass } from './label-pass';
import { EarlyLabels } from './early-labels';
import { observePage } from './live';
import { readPage } from './page-read';
import type { RemoteLabeller } from './remote-labeller';
import { refineOrder } from './refine-order';
import type { RefineClient } from './refine-client';
import { afterPaint, runStage, yieldToBrowser } from './slices';

/** Timeline marks ("comment-lens:ready"…) for benchmarks and the browser's performance panel. */
export function mark(name: string): void {
  globalThis.performance?.mark?.(`comment-lens:${name}`);
}

/**
 * A thread with up to this many new comments is labelled in the page when the background is not
 * ready yet: a woken background answers after 0.2-0.5 s, the page labels 200 comments in ~5 ms.
 */
export const LOCAL_UP_TO = 200;

/** How long the panel may stay out of the page while the first pass runs (then it shows progress). */
export const REVEAL_AFTER_MS = 200;

/**
 * The labelling progress ("Labelling k of n") is written at most this often. Each write dirties the
 * panel, and the next frame lays out and paints the page: ~15 ms a frame at 10,000 comments in
 * Chromium, every ~30 ms slice (a Chromium trace: 182 ms of the 420 ms labelling phase was rendering).
 */
export const PROGRESS_EVERY_MS = 250;

export interface SessionHooks {
  persist(change: Partial<Settings>): void;
  /** comment count for the toolbar badge (0 clears it) */
  count(total: number): void;
  /** in a comment frame: its counts go to the top frame's panel (and this frame shows none) */
  report?(report: FrameReport): void;
  /** top frame: a panel action passed on to the comment frames that reported */
  relay?(command: FrameCommand, frameIds: number[]): void;
  /** labels in the background; without it (or when it fails) the page labels itself */
  remote?: RemoteLabeller;
  /** the engine for labelling in the page (a small thread, or the background failed) */
  engine: () => Promise<Engine>;
  /** the refined pass (sentence encoder) in the extension's worker, after the first panel */
  refine?: RefineClient;
}

export class Session {
  private ac: AbortController | null = null;
  private ui: LensUI | null = null;
  /** labels by element, so a live update labels only the new comments */
  private known = new WeakMap<Element, StanceLabel>();
  /** per start(): a stop() and a quick start() must not inherit the old run's busy flag */
  private run = { busy: false, dirty: false };
  /** timeline marks go out for the first complete pass only, not for every live update */
  private marked = false;
  /** the refined pass in progress (a live update or stop() cancels it) */
  private refining: AbortController | null = null;
  /** a frame that has told the top frame something must also say when it stops */
  private reported = false;
  /** top frame: the comment frames' last reports, by frame id */
  private frames = new Map<number, FrameReport>();

  constructor(
    private doc: Document,
    private adapter: SiteAdapter,
    private settings: Settings,
    private hooks: SessionHooks,
  ) {}

  start(): void {
    if (this.ac) return;
    const ac = new AbortController();
    this.ac = ac;
    this.run = { busy: false, dirty: false };
    // The background decodes its model while the page is read.
    this.hooks.remote?.warm();
    const { report, relay } = this.hooks;
    this.ui = new LensUI(this.doc, this.settings, ac.signal, this.hooks.persist, {
      headless: !!report,
      // A thousand comments take ~0.1 s: the panel then appears once, complete, rather than
      // painting "Reading…" and each progress step on the way (each paint costs the page a frame).
      revealAfterMs: REVEAL_AFTER_MS,
      ...(relay ? { relay: (cmd: FrameCommand, ids: number[]) => relay(cmd, ids) } : {}),
    });
    for (const [id, r] of this.frames) this.ui.setFrame(id, r);
    if (this.frames.size) this.hooks.count(this.ui.shownTotal());
    void this.update(ac.signal);
  }

  stop(): void {
    this.ac?.abort();
    this.ac = null;
    this.refining?.abort();
    this.refining = null;
    // The background drops the refining job of this page.
    this.hooks.refine?.close();
    // The background drops what it held for this page.
    this.hooks.remote?.close();
    this.ui = null;
    this.known = new WeakMap();
    this.base = null;
    this.hooks.count(0);
    if (this.reported) this.report(emptySummary(), 'off');
    this.reported = false;
  }

  /**
   * Top frame: a comment frame's report, shown in the panel with the toolbar count. Kept while
   * no panel is up too: a frame that finished before this page's session started reports once.
   */
  frameReport(frameId: number, report: FrameReport): void {
    this.frames = withReport(this.frames, frameId, report);
    if (this.ui) this.hooks.count(this.ui.setFrame(frameId, report));
  }

  /** Comment frame: a panel action relayed from the top frame. */
  command(cmd: FrameCommand): void {
    this.ui?.command(cmd);
  }

  private report(summary: Summary, state: FrameState): void {
    if (!this.hooks.report) return;
    this.reported = state !== 'off';
    this.hooks.report(reportOf(summary, state));
  }

  apply(settings: Settings): void {
    this.settings = settings;
    this.ui?.applySettings(settings);
  }

  /** (Re)reads the page and labels what is new; re-entrant calls are folded into one rerun. */
  private async update(signal: AbortSignal): Promise<void> {
    const run = this.run;
    if (run.busy) {
      run.dirty = true;
      return;
    }
    run.busy = true;
    try {
      do {
        run.dirty = false;
        await this.analyze(signal);
      } while (run.dirty && !signal.aborted);
    } catch (err) {
      console.warn('[Comment Lens]', err);
      if (!signal.aborted) {
        this.ui?.setError();
        if (this.reported) this.report(emptySummary(), 'error');
      }
    } finally {
      run.busy = false;
    }
  }

  private mark(name: string): void {
    if (!this.marked) mark(name);
  }

  private async analyze(signal: AbortSignal): Promise<void> {
    const ui = this.ui!;
    // A live update: what the refined pass sent so far is kept (this.known); the rest is refined
    // again with the new comments once they have their fast labels.
    this.refining?.abort();
    this.refining = null;
    ui.refineWaits();
    const first = !this.watching;
    if (first) {
      // Let the panel paint before the read of a long comment section starts.
      ui.setStatus(t('statusReading'));
      await yieldToBrowser();
      if (signal.aborted) return;
    }
    // A long thread's first read: the background labels its comments while the page reads the rest.
    const remote = this.hooks.remote;
    const early = first && remote?.usable ? new EarlyLabels(remote, LOCAL_UP_TO, () => this.mark('labels-early')) : null;
    try {
      await this.readLabelShow(signal, first, early);
    } finally {
      early?.stop(); // adopted by then, or not to be
    }
  }

  private async readLabelShow(signal: AbortSignal, first: boolean, early: EarlyLabels | null): Promise<void> {
    const ui = this.ui!;
    const ex = await this.read(signal, first, early);
    if (!ex) return;
    this.mark('extracted');
    // A small thread may be labelled in the page (label-pass.ts): its engine loads from now on.
    if (first && ex.page.comments.length > 0 && ex.page.comments.length <= LOCAL_UP_TO && !this.hooks.remote?.ready) this.hooks.engine().catch(() => {});
    // Watch before labelling: a change made while the slices run marks this run dirty (one rerun)
    // instead of going unseen; a section the page replaced moves the observer to its successor.
    this.watch(ex.container ?? this.doc.body, signal);
    // Comments the page removed (a replaced section, a new page of comments) are forgotten, and
    // the counts below are of what the page holds now.
    ui.layer.prune();
    if (ex.page.comments.length === 0) {
      const empty = summarize(buildThread(ex.page), []);
      ui.setSummary(empty, false);
      // A frame whose comments went away says so; one that never had any stays silent.
      if (this.reported) this.report(empty, 'ready');
      if (!first) this.hooks.count(ui.shownTotal());
      // Disqus-style widgets: the comments live in a cross-origin frame (our frame script runs there).
      ui.setWaiting(!!ex.container?.querySelector('iframe'));
      return;
    }
    // Extraction and thread building each end a task of their own, and the thread's comments are
    // normalized in slices (in one task, 50,000 comments took ~55 ms).
    await yieldToBrowser();
    if (signal.aborted) return;
    const built = await runStage(threadStage(ex.page, early?.readSoFar(ex.page.comments)), { signal });
    if (!built) return;
    const thread = built.value;
    this.mark('thread');
    const n = thread.comments.length;
    const pending: CommentItem[] = [];
    ui.expect(n);
    if (first) ui.setProgress(0, n);
    let progressAt = clock();
    if (first && this.hooks.report) this.report({ ...emptySummary(), total: n }, 'labelling');
    // Known and still tagged: keep. Known but pruned (the page took it out and put it back): tag anew.
    const kept = ex.elements.map((el) => {
      const old = this.known.get(el);
      return old && ui.layer.has(el) ? old : undefined;
    });
    const stream = early && kept.every((k) => k === undefined) ? early.adopt(thread) : null;
    const labels = await labelPass({
      thread,
      kept,
      signal,
      remote: this.hooks.remote ?? null,
      stream,
      localUpTo: LOCAL_UP_TO,
      engine: this.hooks.engine,
      apply: (i, label) => {
        const el = ex.elements[i]!;
        this.known.set(el, label);
        const c = thread.comments[i]!;
        pending.push({ el, author: c.author, label, ...(c.placeholder ? { placeholder: c.placeholder } : {}) });
      },
      flush: (k) => {
        ui.addComments(pending.splice(0));
        const now = clock();
        if (first && now - progressAt >= PROGRESS_EVERY_MS) {
          progressAt = now;
          ui.setProgress(k, n);
        }
      },
      note: (how) => this.mark(`labels-${how}`),
    });
    if (!labels) return;
    this.mark('labelled');
    // The counts (in slices), then the panel and the held tags (lens-ui.ts) in a task of its own:
    // in one, with the last batch, they made ~100 ms at 50,000 comments.
    const counted = await runStage(summaryStage(thread, labels), { signal });
    if (!counted) return;
    const summary = counted.value;
    await yieldToBrowser();
    if (signal.aborted) return;
    ui.setSummary(summary, true);
    this.report(summary, 'ready');
    this.mark('ready');
    this.marked = true;
    this.hooks.count(ui.shownTotal());
    // The panel is painted first; the gist and the refined pass follow.
    await afterPaint(this.doc.defaultView);
    if (signal.aborted) return;
    await this.showGist(thread, labels, ex.elements, signal);
    if (!signal.aborted) void this.refine(thread, labels, ex.elements, signal);
  }

  /**
   * The refined pass (sentence encoder, in the extension's worker) after the fast one: the comments
   * on screen first; each batch relabels its badges and updates the counts in the same task (they
   * always agree), the gist is rebuilt at the end. Nothing waits for it; a comment frame (no
   * panel of its own) and a reader who turned it off keep the fast labels.
   */
  private async refine(thread: Thread, labels: StanceLabel[], elements: readonly Element[], signal: AbortSignal): Promise<void> {
    const client = this.hooks.refine;
    const ui = this.ui;
    if (!ui || this.hooks.report) return;
    // Ours from before the first wait: a live update's rerun (analyze) aborts it.
    const ac = new AbortController();
    this.refining = ac;
    const stop = (): void => ac.abort();
    signal.addEventListener('abort', stop, { once: true });
    const release = (): void => {
      signal.removeEventListener('abort', stop);
      if (this.refining === ac) this.refining = null;
    };
    const on = !!client && this.settings.refine;
    // The rectangles are read after a frame: read in the task that rendered the gist, they forced
    // a reflow of the whole page inside it (~100 ms at 10,000 comments in Firefox).
    if (on) await afterPaint(this.doc.defaultView);
    if (ac.signal.aborted) return release();
    const order = on ? refineOrder(thread, labels, elements, this.doc.defaultView) : [];
    // Nothing to refine (all refined already, none in English) or turned off: said on the panel.
    if (!client || order.length === 0) {
      release();
      return ui.setRefining(null, 0, 'skipped');
    }
    const total = order.length;
    ui.setRefining(0, total);
    if (!this.marked2) mark('refine-start');
    // A summary of 10,000 comments takes ~2 ms: the counts are redone with every batch, in the task
    // that relabels its badges, so a look at the panel and the badges always finds them agreeing.
    const show = (done: number): void => {
      if (ac.signal.aborted) return;
      ui.setSummary(summarize(thread, labels), true);
      ui.setRefining(done, total);
    };
    const outcome = await client.run({
      thread,
      labels,
      order,
      signal: ac.signal,
      onBatch: (items, done) => {
        if (ac.signal.aborted) return;
        for (const [i, label] of items) {
          const el = elements[i];
          if (!el) continue;
          labels[i] = label;
          this.known.set(el, label);
          ui.relabel(el, label);
        }
        if (!this.marked2) {
          this.marked2 = true;
          mark('refined-first');
        }
        show(done);
      },
    });
    release();
    if (outcome === 'cancelled' || signal.aborted) return;
    // Beyond the port's bounds (over 20,000 comments, say): nothing was sent, the fast labels stay.
    if (outcome === 'unsent') return ui.setRefining(null, total, 'skipped');
    show(total);
    this.hooks.count(ui.shownTotal());
    if (outcome === 'done') mark('refined');
    await this.showGist(thread, labels, elements, signal);
    if (!signal.aborted && !ac.signal.aborted) ui.setRefining(null, total, outcome === 'done' ? 'done' : 'failed');
  }

  /** the first refined label's mark goes out once */
  private marked2 = false;

  /**
   * The gist under the counts, computed after the first panel in slices of its own (a step per
   * comment, summary/gist.ts). A comment frame shows no panel, so it computes none.
   */
  private async showGist(thread: Thread, labels: StanceLabel[], elements: readonly Element[], signal: AbortSignal): Promise<void> {
    if (this.hooks.report) return;
    const made = await runStage(gistStage(thread, labels), { signal });
    if (!made) return;
    const gist = made.value;
    const at = new Map(thread.comments.map((c, i) => [c.id, i]));
    this.ui?.setGist(gist, (id) => {
      const i = at.get(id);
      if (i === undefined) return undefined;
      const c = thread.comments[i]!;
      return { author: c.author, text: c.text, el: elements[i]! };
    });
    mark('gist');
  }

  /** the first full read: its article is kept, live updates re-read only the comments */
  private base: RawPage | null = null;

  /** The page read once more (page-read.ts); null when stopped meanwhile. */
  private async read(signal: AbortSignal, first: boolean, early: EarlyLabels | null): Promise<Extraction | null> {
    const ui = this.ui!;
    const ex = await readPage({
      doc: this.doc,
      adapter: this.adapter,
      base: this.base,
      section: this.watching?.nodeType === 1 ? (this.watching as Element) : null,
      signal,
      watch: (target) => this.watch(target, signal),
      ...(first ? { status: (text: string) => ui.setStatus(text) } : {}),
      ...(early ? { early } : {}),
    });
    if (ex) this.base ??= ex.page;
    return ex;
  }

  private watching: Node | null = null;
  private unwatch: AbortController | null = null;

  /** One observer at a time: moving to another target (the real container, a replacement) drops the old. */
  private watch(target: Node | null, signal: AbortSignal): void {
    if (!target || this.watching === target || signal.aborted) return;
    this.unwatch?.abort();
    const ac = new AbortController();
    this.unwatch = ac;
    this.watching = target;
    signal.addEventListener('abort', () => ac.abort(), { once: true });
    ac.signal.addEventListener('abort', () => {
      if (this.unwatch === ac) [this.unwatch, this.watching] = [null, null];
    });
    observePage(target, ac.signal, () => void this.update(signal));
  }
}
