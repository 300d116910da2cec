// One page's run: extract -> thread -> labels (sliced, with progress) -> summary -> UI, then keep
// following live comments. Everything hangs off one AbortController: stop() leaves the page as
// it was (panel, tags, data-lens-* attributes, stylesheets and observers all gone).
import { buildThread } from '../parser/thread';
import type { RawPage, StanceLabel } from '../parser/types';
import type { Settings } from '../options/schema';
import { extractComments, extractPage, type Extraction, type SiteAdapter } from '../sites/registry';
import { StanceEngine } from '../stance/index';
import { summarize } from '../summary/summarize';
import type { CommentItem } from '../ui/comments';
import { LensUI } from '../ui/lens-ui';
import { Labeller } from '../stance/index';
import { observePage } from './live';
import { runSliced, yieldToBrowser } from './slices';

/** Timeline marks ("comment-lens:ready"…) for benchmarks and the browser's performance panel. */
export function mark(name: string): void {
  globalThis.performance?.mark?.(`comment-lens:${name}`);
}

export interface SessionHooks {
  persist(change: Partial<Settings>): void;
  /** comment count for the toolbar badge (0 clears it) */
  count(total: number): void;
}

export class Session {
  private ac: AbortController | null = null;
  private ui: LensUI | null = null;
  private engine: StanceEngine | null = null;
  /** labels by element, so a live update labels only the new comments */
  private known = new WeakMap<Element, StanceLabel>();
  /** per start(): a stop() and a quick start() must not inherit the old run's busy flag */
  private run = { busy: false, dirty: false };
  /** timeline marks go out for the first complete pass only, not for every live update */
  private marked = false;

  constructor(
    private doc: Document,
    private adapter: SiteAdapter,
    private settings: Settings,
    private hooks: SessionHooks,
  ) {}

  get running(): boolean {
    return this.ac !== null;
  }

  start(): void {
    if (this.ac) return;
    const ac = new AbortController();
    this.ac = ac;
    this.run = { busy: false, dirty: false };
    this.ui = new LensUI(this.doc, this.settings, ac.signal, this.hooks.persist);
    void this.update(ac.signal);
  }

  stop(): void {
    this.ac?.abort();
    this.ac = null;
    this.ui = null;
    this.known = new WeakMap();
    this.base = null;
    this.hooks.count(0);
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
      if (!signal.aborted) this.ui?.setError();
    } finally {
      run.busy = false;
    }
  }

  private mark(name: string): void {
    if (!this.marked) mark(name);
  }

  private async analyze(signal: AbortSignal): Promise<void> {
    const ui = this.ui!;
    const first = !this.watching;
    if (first) {
      // Let the panel paint before the (synchronous) read of a long comment section.
      ui.setStatus('Reading comments…');
      await yieldToBrowser();
      if (signal.aborted) return;
    }
    const ex = this.read();
    this.mark('extracted');
    // Watch before labelling: a change made while the slices run marks this run dirty (one rerun)
    // instead of going unseen; a section the page replaced moves the observer to its successor.
    this.watch(ex.container ?? this.doc.body, signal);
    // Comments the page removed (a replaced section, a new page of comments) are forgotten, and
    // the counts below are of what the page holds now.
    ui.layer.prune();
    if (ex.page.comments.length === 0) {
      ui.setSummary(summarize(buildThread(ex.page), []), false);
      if (!first) this.hooks.count(0);
      // Disqus-style widgets: the comments live in a cross-origin frame (our frame script runs there).
      ui.setWaiting(!!ex.container?.querySelector('iframe'));
      return;
    }
    const thread = buildThread(ex.page);
    this.mark('thread');
    const labeller = new Labeller((this.engine ??= new StanceEngine()), thread);
    const n = thread.comments.length;
    const pending: CommentItem[] = [];
    ui.expect(n);
    if (first) ui.setProgress(0, n);
    const done = await runSliced(
      0,
      n,
      (i) => {
        const el = ex.elements[i]!;
        const old = this.known.get(el);
        // Known and still tagged: keep. Known but pruned (the page took it out and put it back): tag anew.
        if (old && ui.layer.has(el)) return labeller.keep(i, old);
        const label = labeller.label(i);
        this.known.set(el, label);
        const c = thread.comments[i]!;
        pending.push({ el, author: c.author, label, ...(c.placeholder ? { placeholder: c.placeholder } : {}) });
      },
      {
        signal,
        onSlice: (k) => {
          ui.addComments(pending.splice(0));
          if (first) ui.setProgress(k, n);
        },
      },
    );
    if (!done) return;
    this.mark('labelled');
    const summary = summarize(thread, labeller.labels);
    ui.setSummary(summary, true);
    this.mark('ready');
    this.marked = true;
    this.hooks.count(summary.total);
  }

  /** the first full read: its article is kept, live updates re-read only the comments */
  private base: RawPage | null = null;

  /** The whole page once (article by Readability: costly), then the comment section alone. */
  private read(): Extraction {
    if (!this.base) {
      const ex = extractPage(this.doc, this.doc.location?.href, this.adapter);
      this.base = ex.page;
      return ex;
    }
    const live = extractComments(this.doc, this.adapter, this.watching?.nodeType === 1 ? (this.watching as Element) : null);
    const page: RawPage = { ...this.base, comments: live.comments, widgetOnly: live.comments.length === 0 };
    return { page, elements: live.elements, container: live.container };
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
