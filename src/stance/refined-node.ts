// The refined pass in Node (CLI, eval, bench, tests): the shipped encoder files and head, no
// network. `refinedAvailable()` says whether the files are there; `loadRefined()` loads them once.
import type { StanceLabel, Thread } from '../parser/types';
import headData from './data/refine-head.json';
import type { HeadData } from './encoder/head';
import { encoderAvailable, loadNodeEncoder } from './encoder/node';
import type { Engine } from './engine';
import { Refiner, type EmbedFn } from './refine';

export const REFINE_HEAD = headData as unknown as HeadData;

export interface RefinedPass {
  refiner: Refiner;
  embed: EmbedFn;
}

export function refinedAvailable(): boolean {
  return encoderAvailable();
}

export async function loadRefined(engine: Engine): Promise<RefinedPass> {
  const encoder = await loadNodeEncoder();
  return { refiner: new Refiner(engine, REFINE_HEAD), embed: (texts) => encoder.embed(texts) };
}

/** The fast labels, then the refined ones over the whole thread. */
export async function refineLabels(pass: RefinedPass, thread: Thread, fast: readonly StanceLabel[]): Promise<StanceLabel[]> {
  return pass.refiner.refineThread(thread, fast, pass.embed);
}
