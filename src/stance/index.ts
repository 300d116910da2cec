// Public entry of the stance part. The shipped model is imported statically, so Node, vitest
// and the vite bundle run the same code with no file access at runtime.
import type { Thread, StanceLabel } from '../parser/types';
import defaultModel from './data/model.json';
import { Engine } from './engine';
import { labelStage } from './labeller';
import { drain } from '../pipeline/stage';
import type { StanceModel } from './model';

export type { ArticleContext } from './context';
export type { Agreement, AgreementResult, ParentInfo } from './engine';
export type { StanceModel } from './model';
export { Labeller, labelStage, placeholderLabel } from './labeller';

export const DEFAULT_MODEL = defaultModel as unknown as StanceModel;

export class StanceEngine extends Engine {
  constructor(model: StanceModel = DEFAULT_MODEL) {
    super(model);
  }
}

let shared: StanceEngine | undefined;

/** Labels every comment, parents first (they come earlier), passing each reply its parent's label. */
export function labelThread(thread: Thread, engine: StanceEngine = (shared ??= new StanceEngine())): StanceLabel[] {
  return drain(labelStage(engine, thread));
}
