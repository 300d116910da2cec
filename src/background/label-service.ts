// Stance labelling for the content scripts, in the background: off the page's main thread (the
// work runs on another core) and with the model decoded once per background rather than once
// per comment page. One port per content-script session; one job at a time per port (a newer
// job replaces an unfinished one); everything the port held is dropped when it disconnects.
import type { Comment, StanceLabel, Thread } from '../parser/types';
import type { Engine } from '../stance/engine';
import { Labeller } from '../stance/labeller';
import { isLabelRequest, type LabelReply, type LabelRequest } from '../shared/label-messages';
import { LabelPacker } from '../shared/label-wire';

/** What serveLabels needs of a runtime.Port (a fake one in the tests). */
export interface ServicePort {
  postMessage(msg: LabelReply): void;
  onMessage: { addListener(fn: (msg: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

interface Job {
  id: number;
  total: number;
  thread: Thread;
  labeller: Labeller;
  packer: LabelPacker;
  /** labels sent so far */
  answered: number;
}

export interface ServiceOptions {
  /** the most labels in the job's first reply (a smaller one lets the page start sooner) */
  firstReply?: number;
  /** the most labels in any later reply (a batch of comments may be answered in several) */
  reply?: number;
}

/**
 * `engine` may return a promise (the background loads the model file on the first port): the
 * messages that come meanwhile wait, in order; if it fails, each job is answered with an error
 * (the page then labels itself).
 */
export function serveLabels(port: ServicePort, engine: () => Engine | Promise<Engine>, opts: ServiceOptions = {}): void {
  const sizes: Sizes = { first: opts.firstReply ?? 250, next: opts.reply ?? 250 };
  let job: Job | null = null;
  let open = true;
  let model: Engine | null = null;
  let failed = false;
  /** messages that came while the model loads */
  let waiting: unknown[] | null = null;
  port.onDisconnect.addListener(() => {
    open = false;
    job = null;
    waiting = null;
  });
  const post = (msg: LabelReply): void => {
    if (open) port.postMessage(msg);
  };
  const serve = (msg: unknown): void => {
    if (!open) return;
    if (!isLabelRequest(msg)) {
      // Not a message of ours (or out of bounds): the job in progress cannot go on.
      if (job) post({ type: 'lens:label-error', job: job.id });
      job = null;
      return;
    }
    if (failed || !model) {
      if ('job' in msg) post({ type: 'lens:label-error', job: msg.job });
      return;
    }
    const m = model;
    try {
      job = handle(msg, job, () => m, post, sizes);
    } catch (err) {
      console.warn('[Comment Lens] labelling failed', err);
      const id = 'job' in msg ? msg.job : job?.id;
      if (id !== undefined) post({ type: 'lens:label-error', job: id });
      job = null;
    }
  };
  port.onMessage.addListener((msg: unknown) => {
    if (!open) return;
    if (model || failed) return serve(msg);
    if (waiting) return void waiting.push(msg);
    let got: Engine | Promise<Engine>;
    try {
      got = engine();
    } catch (err) {
      got = Promise.reject(err);
    }
    if (!(got instanceof Promise)) {
      model = got;
      return serve(msg);
    }
    waiting = [msg];
    const drainWaiting = (): void => {
      const queue = waiting ?? [];
      waiting = null;
      for (const m of queue) serve(m);
    };
    got.then(
      (e) => {
        model = e;
        drainWaiting();
      },
      (err: unknown) => {
        console.warn('[Comment Lens] the stance model did not load', err);
        failed = true;
        drainWaiting();
      },
    );
  });
}

interface Sizes {
  first: number;
  next: number;
}

/** One request; returns the job that is current after it. */
function handle(msg: LabelRequest, job: Job | null, engine: () => Engine, post: (m: LabelReply) => void, sizes: Sizes): Job | null {
  if (msg.type === 'lens:warm') {
    engine();
    post({ type: 'lens:ready' });
    return job;
  }
  if (msg.type === 'lens:job') {
    // The comments arrive later and are appended: Labeller reads thread.comments[i] when labelling i.
    const thread: Thread = { article: msg.article, comments: [] };
    return { id: msg.job, total: msg.total, thread, labeller: new Labeller(engine(), thread), packer: new LabelPacker(), answered: 0 };
  }
  // A batch of a job that was replaced: its answer would be ignored anyway.
  if (!job || msg.job !== job.id) return job;
  const { thread, labeller } = job;
  const from = thread.comments.length;
  if (msg.from !== from || from + msg.comments.length > job.total) {
    post({ type: 'lens:label-error', job: job.id });
    return null;
  }
  let labels: Array<StanceLabel | null> = [];
  const flush = (): void => {
    post({ type: 'lens:labels', job: job.id, from: job.answered, count: labels.length, ...job.packer.pack(labels) });
    job.answered += labels.length;
    labels = [];
  };
  msg.comments.forEach((w, k) => {
    const c: Comment = { id: w.id, author: '', text: w.text };
    if (w.parentId !== undefined) c.parentId = w.parentId;
    if (w.placeholder) c.placeholder = w.placeholder;
    thread.comments.push(c);
    // Kept: only its id (and its label, when a reply reads it) matters to the comments after it.
    // A label nobody reads is stood in by UNREAD: the id still enters the parents' map.
    if (w.kept === undefined) {
      labels.push(labeller.label(from + k));
    } else {
      labeller.keep(from + k, w.kept ?? UNREAD);
      labels.push(null);
    }
    if (labels.length >= (job.answered === 0 ? sizes.first : sizes.next)) flush();
  });
  if (labels.length) flush();
  return thread.comments.length === job.total ? null : job;
}

const UNREAD: StanceLabel = { label: 'neutral', confidence: 0, cues: [] };
