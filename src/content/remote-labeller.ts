// The content script's side of the labelling port (see background/label-service.ts): sends a
// thread to the background in batches and hands the labels back in order as they arrive. Any
// trouble (no background, a disconnect, a malformed or out-of-order answer, silence for
// `stallMs`) ends the job as failed, and the caller labels the rest in the page; after such a
// failure this labeller is not used again (a broken background must not cost each live update
// the wait again). A port the background closed while idle (a service worker stopped after its
// idle time) is simply reopened for the next job.
import type { Article, Comment, StanceLabel, Thread } from '../parser/types';
import { yieldToBrowser } from './slices';
import { LabelStream } from './label-stream';
import { crossesIntact, isArticle, isLabelReply, LABEL_PORT, MAX_BATCH_COMMENTS, MAX_ID, MAX_JOB_COMMENTS, MAX_TEXT, type LabelRequest, type WireComment } from '../shared/label-messages';

/** What RemoteLabeller needs of a runtime.Port. */
export interface ClientPort {
  postMessage(msg: LabelRequest): void;
  disconnect(): void;
  onMessage: { addListener(fn: (msg: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

/** Opens a port named LABEL_PORT; may throw (no extension context any more). */
export type Connect = (name: string) => ClientPort;

export interface RemoteOptions {
  /** no answer for this long while labels are due: the background is taken for dead */
  stallMs?: number;
  /** per message: a job of up to 1,000 comments (under 512K characters) goes in one */
  batchComments?: number;
  batchChars?: number;
  /** between two batches sent: the page's main thread gets its turn (JSON encoding costs) */
  yieldNow?: () => Promise<void>;
}

export class RemoteLabeller {
  private port: ClientPort | null = null;
  private broken = false;
  /** the background on the current port said it has its model (answered a warm-up) */
  private answered = false;
  private job = 0;
  private active: LabelStream | null = null;
  private readonly stallMs: number;
  private readonly batchComments: number;
  private readonly batchChars: number;
  private readonly yieldNow: () => Promise<void>;

  constructor(
    private connect: Connect,
    opts: RemoteOptions = {},
  ) {
    this.stallMs = opts.stallMs ?? 3_000;
    this.batchComments = Math.min(opts.batchComments ?? MAX_BATCH_COMMENTS, MAX_BATCH_COMMENTS);
    this.batchChars = opts.batchChars ?? 512_000;
    this.yieldNow = opts.yieldNow ?? yieldToBrowser;
  }

  /** Usable for the next job (not failed before). */
  get usable(): boolean {
    return !this.broken;
  }

  /** The background has its model decoded and answers at once (a woken one may take ~0.5 s). */
  get ready(): boolean {
    return this.answered && !this.broken && this.port !== null;
  }

  /** Opens the port early, so the background decodes the model while the page is read. */
  warm(): void {
    if (!this.port && !this.broken) this.send({ type: 'lens:warm' });
  }

  /** Closes the port (the background frees what it held); a job in progress fails. */
  close(): void {
    const port = this.port;
    this.port = null;
    this.end('failed');
    try {
      port?.disconnect();
    } catch {
      // already gone
    }
  }

  /**
   * Starts labelling `thread`; kept[i] is a label to keep for comment i (a live update).
   * Null when this labeller failed before, or the thread is beyond the port's bounds.
   */
  start(thread: Thread, kept: ReadonlyArray<StanceLabel | undefined>): LabelStream | null {
    const stream = this.newJob(thread.article, thread.comments.length, kept);
    if (stream) void this.pump(stream, thread, kept);
    return stream;
  }

  /** The job's stream, now the active one; null when this labeller failed before or the job is beyond the port's bounds. */
  private newJob(article: Article, total: number, kept: ReadonlyArray<StanceLabel | undefined>): LabelStream | null {
    if (this.broken || total > MAX_JOB_COMMENTS || !isArticle(article) || !articleIntact(article)) return null;
    this.end('failed');
    const stream = new LabelStream(++this.job, total, kept, this.stallMs, (st) => this.failed(st));
    this.active = stream;
    return stream;
  }

  /**
   * A job whose comments follow as the page reads them (the first read of a long thread): the
   * article and the count go now, the comments with `send` as they come, and `finish` sends the
   * rest once the thread is built. Null when this labeller failed before, or the job is beyond the
   * port's bounds (the caller then starts an ordinary job with the thread).
   */
  begin(article: Article, total: number): EarlyJob | null {
    const s = this.newJob(article, total, []);
    if (!s || !this.send({ type: 'lens:job', job: s.id, total, article })) return null;
    s.alive();
    let sent = 0;
    const none = new Set<string>();
    return {
      stream: s,
      get sent() {
        return sent;
      },
      send: (cs) => {
        while (sent < cs.length && !s.ended) {
          const next = this.sendBatch(s, cs, [], none, sent);
          if (next === null) return false;
          sent = next;
        }
        return !s.ended;
      },
      finish: (thread) => {
        if (!s.ended && sent < thread.comments.length) void this.pump(s, thread, [], sent);
        return s;
      },
      drop: () => {
        if (s === this.active) this.end('failed');
      },
    };
  }

  /** Sends the job (the article, unless it went out before: `from` > 0), then the comments in batches, one per task. */
  private async pump(s: LabelStream, thread: Thread, kept: ReadonlyArray<StanceLabel | undefined>, from = 0): Promise<void> {
    const cs = thread.comments;
    // A kept comment's label and text travel only when a new comment replies to it.
    const read = new Set<string>();
    cs.forEach((c, i) => {
      if (!kept[i] && c.parentId !== undefined) read.add(c.parentId);
    });
    if (from === 0) {
      if (!this.send({ type: 'lens:job', job: s.id, total: cs.length, article: thread.article })) return;
      s.alive();
    }
    let i = from;
    while (i < cs.length) {
      const next = this.sendBatch(s, cs, kept, read, i);
      if (next === null) return;
      i = next;
      if (i < cs.length) await this.yieldNow();
    }
  }

  /** One message of comments from `from` on; the index after it, or null when the job ended. */
  private sendBatch(s: LabelStream, cs: readonly Comment[], kept: ReadonlyArray<StanceLabel | undefined>, read: ReadonlySet<string>, from: number): number | null {
    const batch: WireComment[] = [];
    let chars = 0;
    let i = from;
    for (; i < cs.length && batch.length < this.batchComments; i++) {
      const c = cs[i]!;
      const k = kept[i];
      const needed = !k || read.has(c.id);
      const w: WireComment = { id: c.id, text: needed ? c.text : '' };
      if (c.parentId !== undefined) w.parentId = c.parentId;
      if (c.placeholder) w.placeholder = c.placeholder;
      if (k) w.kept = needed ? k : null;
      const size = w.text.length + w.id.length + (w.parentId?.length ?? 0);
      // Beyond the bounds the background checks, or text the port would alter: the page labels from here on.
      const fits = w.text.length <= MAX_TEXT && w.id.length <= MAX_ID && (w.parentId?.length ?? 0) <= MAX_ID;
      if (!fits || !crossesIntact(w.text) || !crossesIntact(w.id) || (w.parentId !== undefined && !crossesIntact(w.parentId))) {
        this.abandon(s);
        return null;
      }
      if (batch.length && chars + size > this.batchChars) break;
      batch.push(w);
      chars += size;
    }
    if (s.ended) return null;
    s.sent(batch.length);
    return this.send({ type: 'lens:comments', job: s.id, from, comments: batch }) ? i : null;
  }

  private send(msg: LabelRequest): boolean {
    try {
      this.open().postMessage(msg);
      return true;
    } catch {
      this.failed(this.active);
      return false;
    }
  }

  private open(): ClientPort {
    if (this.port) return this.port;
    const port = this.connect(LABEL_PORT);
    this.port = port;
    this.answered = false;
    port.onMessage.addListener((msg) => {
      if (this.port === port) this.receive(msg);
    });
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = null;
      // Idle: reopened for the next job. Mid-job: the background died under us.
      if (this.active) this.failed(this.active);
    });
    return port;
  }

  private receive(msg: unknown): void {
    // Its warm-up answer, or labels (for a job the page then dropped too): the model is there.
    if (isLabelReply(msg) && msg.type !== 'lens:label-error') this.answered = true;
    const s = this.active;
    if (!s) return;
    if (!isLabelReply(msg)) return this.failed(s);
    if (msg.type === 'lens:ready') return s.alive();
    if (msg.job !== s.id) return; // an answer to a replaced job
    if (msg.type === 'lens:label-error') return this.failed(s);
    const labels = s.wire.unpack(msg.pairs, msg.texts, msg.data, msg.count);
    if (!labels || !s.push(msg.from, labels)) this.failed(s);
    else if (s.ended) this.active = null;
  }

  private failed(s: LabelStream | null): void {
    this.broken = true;
    if (s === this.active) this.end('failed');
    this.close();
  }

  /** Drops the job in progress (the page labelled it first); the background is not blamed. */
  cancel(): void {
    this.end('failed');
  }

  /** Ends a job the port cannot carry, without blaming the background. */
  private abandon(s: LabelStream): void {
    if (s === this.active) this.end('failed');
  }

  private end(how: 'failed'): void {
    const s = this.active;
    this.active = null;
    s?.finish(how);
  }
}

/** RemoteLabeller.begin's job: comments sent as the page reads them. */
export interface EarlyJob {
  readonly stream: LabelStream;
  /** comments sent so far */
  readonly sent: number;
  /** Sends comments [sent, cs.length): the page's comments so far, in order. False: the job ended. */
  send(cs: readonly Comment[]): boolean;
  /** The thread is built (its first `sent` comments those sent): sends the rest; the stream answers for all. */
  finish(thread: Thread): LabelStream;
  /** Drops the job (the thread turned out otherwise); the background is not blamed. */
  drop(): void;
}

function articleIntact(a: Article): boolean {
  return [a.title, a.date, a.source, a.url, ...a.paragraphs].every((v) => v === undefined || crossesIntact(v));
}
