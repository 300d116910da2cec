// Public entry of the stance part. The shipped model is imported statically, so Node, vitest
// and the vite bundle run the same code with no file access at runtime.
import type { Thread, StanceLabel } from '../parser/types';
import defaultModel from './data/model.json';
import { Engine } from './engine';
import type { StanceModel } from './model';

export type { ArticleContext } from './context';
export type { Agreement, AgreementResult, ParentInfo } from './engine';
export type { StanceModel } from './model';

export const DEFAULT_MODEL = defaultModel as unknown as StanceModel;

export class StanceEngine extends Engine {
  constructor(model: StanceModel = DEFAULT_MODEL) {
    super(model);
  }
}

let shared: StanceEngine | undefined;

/** Labels every comment, parents first (they come earlier), passing each reply its parent's label. */
export function labelThread(thread: Thread, engine: StanceEngine = (shared ??= new StanceEngine())): StanceLabel[] {
  const ctx = engine.prepare(thread.article);
  const byId = new Map<string, number>();
  const labels: StanceLabel[] = [];
  thread.comments.forEach((c, i) => {
    const pi = c.parentId === undefined ? undefined : byId.get(c.parentId);
    const parent = pi === undefined ? undefined : thread.comments[pi]!;
    labels.push(parent ? engine.classify(ctx, c.text, { id: parent.id, text: parent.text, label: labels[pi!] }) : engine.classify(ctx, c.text));
    byId.set(c.id, i);
  });
  return labels;
}
