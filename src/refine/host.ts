// The encoder's host: the refined pass's jobs for every page, one at a time, in the worker
// (refine/worker.ts). Pure apart from what it is given (the refiner and the embedding function,
// loaded on the first job; a fake pair in the tests). A page's newer job replaces its older one,
// a cancel or a closed port drops the page's job (between two batches: the one being embedded
// finishes), and the labels go back in one message per batch with the progress.
import type { Comment, StanceLabel, Thread } from '../parser/types';
import type { EmbedFn } from '../stance/refine';
import { fromWireLabel, type HostInbound, type HostOutbound, type RefineRequest } from '../shared/refine-messages';

/** What the host needs of stance/refine.ts's Refiner. */
export interface ThreadRefiner {
  refineThread(thread: Thread, fast: readonly StanceLabel[], embed: EmbedFn, opts: { order?: readonly number[]; batch?: number; onLabel?: (i: number, l: StanceLabel) => void; signal?: AbortSignal }): Promise<StanceLabel[]>;
}

export interface RefinePass {
  refiner: ThreadRefiner;
  embed: EmbedFn;
}

interface Job {
  port: number;
  req: Extract<RefineRequest, { type: 'lens:refine' }>;
  ac: AbortController;
}

export interface HostOptions {
  /** comments embedded per batch (and labels per answer) */
  batch?: number;
  /** lets messages in between batches (a worker's own messages are tasks; the job's awaits are not) */
  yieldNow?: () => Promise<void>;
  /** the host has nothing to do any more (or has work again) */
  onIdle?: (idle: boolean) => void;
}

export class RefineHost {
  private queue: Job[] = [];
  private running: Job | null = null;
  private pass: Promise<RefinePass> | null = null;
  private readonly batch: number;
  private readonly yieldNow: () => Promise<void>;

  constructor(
    private load: () => Promise<RefinePass>,
    private send: (out: HostOutbound) => void,
    private opts: HostOptions = {},
  ) {
    this.batch = opts.batch ?? 32;
    this.yieldNow = opts.yieldNow ?? (() => new Promise((r) => setTimeout(r, 0)));
  }

  /** jobs waiting or running */
  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  receive(m: HostInbound): void {
    if ('closed' in m) return this.drop(m.port);
    const { msg } = m;
    if (msg.type === 'lens:refine-cancel') return this.drop(m.port, msg.job);
    // one job per page: a newer one (a live update) replaces what the page asked before
    this.drop(m.port);
    this.queue.push({ port: m.port, req: msg, ac: new AbortController() });
    if (!this.running) void this.next();
  }

  /** Drops the port's jobs (only job `id` if given): queued ones at once, the running one between batches. */
  private drop(port: number, id?: number): void {
    const hit = (j: Job): boolean => j.port === port && (id === undefined || j.req.job === id);
    this.queue = this.queue.filter((j) => !hit(j));
    if (this.running && hit(this.running)) this.running.ac.abort();
  }

  private async next(): Promise<void> {
    const job = this.queue.shift();
    this.running = job ?? null;
    if (!job) {
      this.opts.onIdle?.(true);
      return;
    }
    this.opts.onIdle?.(false);
    try {
      await this.run(job);
    } catch (err) {
      console.warn('[Comment Lens] refining failed', err);
      if (!job.ac.signal.aborted) this.reply(job, { type: 'lens:refine-error', job: job.req.job });
      // a pass that failed to load is tried again by the next job
      if (err instanceof LoadError) this.pass = null;
    }
    await this.next();
  }

  private reply(job: Job, msg: HostOutbound['msg']): void {
    this.send({ port: job.port, msg });
  }

  private async run(job: Job): Promise<void> {
    const { req, ac } = job;
    const pass = await (this.pass ??= this.load().catch((err: unknown) => {
      throw new LoadError(err);
    }));
    if (ac.signal.aborted) return;
    const comments: Comment[] = req.comments.map((c, i) => {
      const out: Comment = { id: String(i), author: '', text: c.text };
      if (c.parent >= 0) out.parentId = String(c.parent);
      return out;
    });
    const thread: Thread = { article: req.article, comments };
    const fast = req.comments.map((c) => fromWireLabel(c.label));
    const total = req.order.length;
    let done = 0;
    let items: Array<[number, StanceLabel]> = [];
    const flush = (): void => {
      if (!items.length || ac.signal.aborted) return;
      done += items.length;
      this.reply(job, { type: 'lens:refined', job: req.job, done, total, items });
      items = [];
    };
    const embed: EmbedFn = async (texts) => {
      // the last batch's labels go out before the next is embedded; messages get in meanwhile
      flush();
      await this.yieldNow();
      if (ac.signal.aborted) return texts.map(() => new Float32Array(0));
      return pass.embed(texts);
    };
    await pass.refiner.refineThread(thread, fast, embed, {
      order: req.order,
      batch: this.batch,
      signal: ac.signal,
      onLabel: (i, l) => void items.push([i, l]),
    });
    flush();
    if (!ac.signal.aborted) this.reply(job, { type: 'lens:refine-done', job: req.job });
  }
}

class LoadError extends Error {
  constructor(readonly reason: unknown) {
    super(`the refined pass did not load: ${String(reason)}`);
  }
}
