// The one pipeline behind the CLI, the tests and the content script: Thread -> labels -> summary -> gist.
import type { StanceLabel, Summary, Thread } from './parser/types';
import { StanceEngine, labelThread } from './stance/index';
import { gist, type Gist } from './summary/gist';
import { summarize } from './summary/summarize';

export interface Analysis {
  thread: Thread;
  labels: StanceLabel[];
  summary: Summary;
  gist: Gist;
}

export function analyze(thread: Thread, engine: StanceEngine = new StanceEngine()): Analysis {
  const labels = labelThread(thread, engine);
  return { thread, labels, summary: summarize(thread, labels), gist: gist(thread, labels) };
}
