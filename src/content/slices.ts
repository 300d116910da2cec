// The one sliced runner: drives a pipeline stage (pipeline/stage.ts) in slices of about
// `budgetMs`, yielding to the browser between slices so no main-thread task grows long (the 50 ms
// rule), and stopping as soon as the signal aborts.
import { PAUSE, type Stage, type Tick } from '../pipeline/stage';
import { now as clock } from '../shared/clock';

type Progress = Exclude<Tick, typeof PAUSE | undefined>;

export interface SliceOptions {
  signal: AbortSignal;
  budgetMs?: number;
  /** called after each slice that ran a unit, with the stage's last progress */
  onSlice?: (progress: Progress | undefined) => void;
  now?: () => number;
  yieldNow?: () => Promise<void>;
}

/** Yields a macrotask: scheduler.yield where the browser has it, else a MessageChannel hop. */
export function yieldToBrowser(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof sched?.yield === 'function') return sched.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/**
 * After the next frame has been painted (a frame callback, then a task), or after `maxMs` where no
 * frame comes (a hidden tab). Work that can follow the panel waits for it: the gist and the
 * refined pass's order, ~100 ms at 10,000 comments, ran before the panel's frame.
 */
export function afterPaint(win: Pick<Window, 'requestAnimationFrame' | 'setTimeout'> | null, maxMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = (): void => {
      if (done) return;
      done = true;
      resolve();
    };
    win?.requestAnimationFrame?.(() => win.setTimeout(go, 0));
    (win ?? globalThis).setTimeout(go, maxMs);
  });
}

/** The stage's result, or null when the signal aborted first (the stage is then left unfinished). */
export async function runStage<T>(stage: Stage<T>, opts: SliceOptions): Promise<{ value: T } | null> {
  const budget = opts.budgetMs ?? 8;
  const now = opts.now ?? clock;
  const yieldNow = opts.yieldNow ?? yieldToBrowser;
  for (;;) {
    if (opts.signal.aborted) return null;
    const end = now() + budget;
    let progress: Progress | undefined;
    let units = 0;
    // At least one unit per slice, so a slow unit cannot stall the loop.
    for (;; units++) {
      const r = stage.next();
      if (r.done) {
        if (units > 0) opts.onSlice?.(progress);
        return opts.signal.aborted ? null : { value: r.value };
      }
      const tick: Tick = r.value;
      if (tick === PAUSE) break;
      if (tick) progress = tick;
      if (now() >= end) break;
    }
    opts.onSlice?.(progress);
    await yieldNow();
  }
}
