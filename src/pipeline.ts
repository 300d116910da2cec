// The one pipeline behind the CLI, the tests and the content script: Thread -> labels -> summary.
import type { StanceLabel, Summary, Thread } from './parser/types';
import { StanceEngine, labelThread } from './stance/index';
import { summarize } from './summary/summarize';

export interface Analysis {
  thread: Thread;
  labels: StanceLabel[];
  summary: Summary;
}

export function analyze(thread: Thread, engine: StanceEngine = new StanceEngine()): Analysis {
  const labels = labelThread(thread, engine);
  return { thread, labels, summary: summarize(thread, labels) };
}
