// The pipeline's one step protocol. A stage is a generator: it does its work a unit at a time (one
// comment, one part of a page-wide query), yields after each unit, and returns its result. The
// command line and the tests drain a stage in one go (drain); the content script drives the very
// same generator in time slices (runStage in content/slices.ts). No stage has a sliced twin, and
// order is the generator's own: nothing can read comment 3 before comment 2.

/**
 * What a stage yields after a unit: how far it is, where it can tell ("Reading comments… k of n");
 * PAUSE before a long unit, so a sliced driver ends its slice first rather than add the long unit
 * to a slice already spent.
 */
export type Tick = { done: number; total: number } | typeof PAUSE | undefined;

export const PAUSE = 'pause';

export type Stage<T> = Generator<Tick, T, void>;

/** Runs a stage to its end in one go. */
export function drain<T>(stage: Stage<T>): T {
  for (;;) {
    const r = stage.next();
    if (r.done) return r.value;
  }
}

/** A stage of `work(i)` for i = from … to-1, one unit each. */
export function* each(from: number, to: number, work: (i: number) => void): Stage<void> {
  for (let i = from; i < to; i++) {
    work(i);
    yield { done: i + 1, total: to };
  }
}
