// The one pipeline behind the CLI, the tests and the content script, as stages (stage.ts):
// read (sites/, DOM) -> thread (parser/) -> labels (stance/) -> summary -> gist (summary/). Here the
// DOM-free part from a thread on; the CLI drains it, the content script drives the same stages in
// slices, with the labels from the background when it answers.
import type { StanceLabel, Summary, Thread } from '../parser/types';
import { StanceEngine, labelStage } from '../stance/index';
import { gistStage, type Gist } from '../summary/gist';
import { summaryStage } from '../summary/summarize';
import { drain, type Stage } from './stage';

export type { Stage, Tick } from './stage';
export { drain, each } from './stage';

export interface Analysis {
  thread: Thread;
  labels: StanceLabel[];
  summary: Summary;
  gist: Gist;
}

export function* analysisStage(thread: Thread, engine: StanceEngine): Stage<Analysis> {
  const labels = yield* labelStage(engine, thread);
  const summary = yield* summaryStage(thread, labels);
  const gist = yield* gistStage(thread, labels);
  return { thread, labels, summary, gist };
}

export function analyze(thread: Thread, engine: StanceEngine = new StanceEngine()): Analysis {
  return drain(analysisStage(thread, engine));
}
