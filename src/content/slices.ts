// Budgeted work: run `work(i)` for i in [from, to) in slices of about `budgetMs`, yielding to the
// browser between slices so no main-thread task grows long (the 50 ms rule), and stopping as
// soon as the signal aborts.

export interface SliceOptions {
  signal: AbortSignal;
  budgetMs?: number;
  /** called after each slice with the number of items done so far */
  onSlice?: (done: number) => void;
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

/** Resolves true when all items ran, false when aborted first. */
export function runSliced(from: number, to: number, work: (i: number) => void, opts: SliceOptions): Promise<boolean> {
  return sliced(from, to, (i) => (work(i), true), opts);
}

/**
 * Runs `steps` in order in slices of about `budgetMs`, like runSliced; a step that returns false
 * has more to do and is called again (in the same slice while time is left).
 */
export function runSteps(steps: ReadonlyArray<() => boolean | void>, opts: SliceOptions): Promise<boolean> {
  return sliced(0, steps.length, (i) => steps[i]!() !== false, opts);
}

/** The slicing loop: `step(i)` says whether item i is done (else it is called again). */
async function sliced(from: number, to: number, step: (i: number) => boolean, opts: SliceOptions): Promise<boolean> {
  const budget = opts.budgetMs ?? 8;
  const now = opts.now ?? (() => performance.now());
  const yieldNow = opts.yieldNow ?? yieldToBrowser;
  let i = from;
  while (i < to) {
    if (opts.signal.aborted) return false;
    const end = now() + budget;
    // At least one call per slice, so a slow item cannot stall the loop.
    do if (step(i)) i++;
    while (i < to && now() < end);
    opts.onSlice?.(i);
    if (i < to) await yieldNow();
  }
  return !opts.signal.aborted;
}
