// One labelling pass over a thread for the session: in the background when it answers (the work
// runs on another core, and the page never loads the model), else in the page, in budgeted
// slices. Either way the labels are those of labelThread: the same Labeller, parents first, each
// reply told its parent's label; a pass that falls back midway keeps what came and goes on.
import type { StanceLabel, Thread } from '../parser/types';
import type { Engine } from '../stance/engine';
import { each } from '../pipeline/stage';
import { labelStage } from '../stance/labeller';
import type { RemoteLabeller } from './remote-labeller';
import type { Batch, LabelStream } from './label-stream';
import { runStage, yieldToBrowser } from './slices';

export interface PassOptions {
  thread: Thread;
  /** kept[i]: comment i's label from an earlier pass, reused as it is */
  kept: ReadonlyArray<StanceLabel | undefined>;
  /** a new label for comment i (not called for kept ones) */
  apply(i: number, label: StanceLabel): void;
  /** after each slice: the number of comments done so far */
  flush(done: number): void;
  signal: AbortSignal;
  remote?: RemoteLabeller | null;
  /** a background job already under way for exactly this thread, every comment fresh (early-labels.ts) */
  stream?: LabelStream | null;
  /** the engine for labelling in the page, loaded on first need (content/run.ts: the model file) */
  engine: () => Promise<Engine>;
  /**
   * A pass of at most this many new comments is labelled in the page unless the background is
   * ready: waking one costs ~0.2-0.5 s, labelling tens of comments here a few ms (0: never).
   */
  localUpTo?: number;
  /** which way the pass went: 'remote', or 'local' (after 'fallback' when the background failed) */
  note?(how: 'remote' | 'local' | 'fallback'): void;
}

/** The labels of every comment, or null when stopped first. */
export async function labelPass(o: PassOptions): Promise<StanceLabel[] | null> {
  const { thread, kept, signal } = o;
  const n = thread.comments.length;
  const labels: StanceLabel[] = [];
  let fresh = 0;
  for (let i = 0; i < n; i++) if (!kept[i]) fresh++;
  if (fresh === 0) {
    // Nothing new (a live update that only moved comments): no engine, no round trip.
    for (let i = 0; i < n; i++) labels[i] = kept[i]!;
    o.flush(n);
    return labels;
  }
  let k = 0;
  // A small thread and a background not known to be ready: the page loads its own engine
  // meanwhile, and whichever answers first labels (the labels are the same either way).
  const local = fresh <= (o.localUpTo ?? 0) && !o.remote?.ready ? o.engine() : null;
  const stream = o.stream ?? (o.remote?.usable ? o.remote.start(thread, kept) : null);
  let overtaken = false;
  if (stream) {
    let next: Promise<Batch | 'local'> = stream.next();
    if (local) {
      const first = next;
      next = Promise.race([first, local.then(() => 'local' as const, () => first)]);
    }
    for (;;) {
      const b = await next;
      if (signal.aborted) return null;
      if (b === 'local') {
        o.remote!.cancel();
        overtaken = true;
        break;
      }
      if (typeof b !== 'object') break;
      // The batch came in the task that read the message (or ended the last slice): applying
      // it gets tasks of its own, so neither grows long.
      await yieldToBrowser();
      if (signal.aborted) return null;
      const applied = each(b.from, b.from + b.labels.length, (i) => take(o, labels, i, b.labels[i - b.from] ?? kept[i]!));
      if (!(await runStage(applied, { signal, onSlice: (t) => t && o.flush(t.done) }))) return null;
      k = b.from + b.labels.length;
      next = stream.next();
    }
    if (k === n) {
      o.note?.('remote');
      return labels;
    }
    if (!overtaken) o.note?.('fallback');
  }
  const engine = await localEngine(local ? () => local : o.engine, signal);
  if (!engine) return null;
  o.note?.('local');
  // What came from the background before it failed is kept like the earlier passes' labels.
  const before = kept.map((l, i) => (i < k ? labels[i] : l));
  const stage = labelStage(engine, thread, before, (i, label) => take(o, labels, i, label));
  const done = await runStage(stage, { signal, onSlice: (t) => t && o.flush(t.done) });
  if (!done) return null;
  // kept labels come back as they were; fresh ones were taken as they came
  done.value.forEach((l, i) => (labels[i] = l));
  return labels;
}

function take(o: PassOptions, labels: StanceLabel[], i: number, label: StanceLabel): void {
  labels[i] = label;
  if (!o.kept[i]) o.apply(i, label);
}

/** The in-page engine, after a task of its own (the load); null when stopped meanwhile. */
async function localEngine(load: () => Promise<Engine>, signal: AbortSignal): Promise<Engine | null> {
  const e = await load();
  await yieldToBrowser();
  return signal.aborted ? null : e;
}
