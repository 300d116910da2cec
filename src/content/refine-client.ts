// The content script's side of the refining port (see background/refine-relay.ts): one job at a
// time, the whole thread in one message, the refined labels back in batches. A job ends 'done',
// 'failed' (no background, a disconnect, a malformed answer) or 'cancelled' (the caller's
// signal: a live update, the session stopped). The port opens with the first job and stays
// open for the live updates' jobs; closing it (the page goes) drops the job in the background.
import type { Article, StanceLabel, Thread } from '../parser/types';
import { crossesIntact, isArticle } from '../shared/label-messages';
import { isRefineReply, MAX_REFINE_CHARS, MAX_REFINE_COMMENTS, MAX_REFINE_TEXT, REFINE_PORT, toWireLabel, type RefineComment, type RefineRequest } from '../shared/refine-messages';
import type { ClientPort } from './remote-labeller';

export interface RefinePort {
  postMessage(msg: RefineRequest): void;
  disconnect(): void;
  onMessage: ClientPort['onMessage'];
  onDisconnect: ClientPort['onDisconnect'];
}

export type RefineOutcome = 'done' | 'failed' | 'cancelled' | 'unsent';

export interface RefineJob {
  thread: Thread;
  /** every comment's current label (the refiner reads a parent's as the fast pass did) */
  labels: readonly StanceLabel[];
  /** the comments to refine, first to last */
  order: readonly number[];
  /** a batch of refined labels, and the progress */
  onBatch(items: ReadonlyArray<readonly [number, StanceLabel]>, done: number, total: number): void;
  signal: AbortSignal;
}

export class RefineClient {
  private port: RefinePort | null = null;
  private job = 0;
  private active: { id: number; n: number; settle: (o: RefineOutcome) => void; onBatch: RefineJob['onBatch'] } | null = null;

  constructor(private connect: (name: string) => RefinePort) {}

  /** Sends the job and resolves when it ends; 'unsent' when the thread is beyond the port's bounds. */
  run(j: RefineJob): Promise<RefineOutcome> {
    this.end('cancelled');
    const msg = request(++this.job, j);
    if (!msg || j.signal.aborted) return Promise.resolve('unsent');
    return new Promise<RefineOutcome>((resolve) => {
      const id = msg.job;
      const settle = (o: RefineOutcome): void => {
        if (this.active?.id !== id) return;
        this.active = null;
        j.signal.removeEventListener('abort', onAbort);
        resolve(o);
      };
      const onAbort = (): void => {
        if (this.active?.id !== id) return;
        this.post({ type: 'lens:refine-cancel', job: id });
        settle('cancelled');
      };
      this.active = { id, n: j.thread.comments.length, settle, onBatch: j.onBatch };
      j.signal.addEventListener('abort', onAbort, { once: true });
      if (!this.post(msg)) settle('failed');
    });
  }

  /** Closes the port: the background drops this page's job. */
  close(): void {
    const port = this.port;
    this.port = null;
    this.end('cancelled');
    try {
      port?.disconnect();
    } catch {
      // already gone
    }
  }

  private end(o: RefineOutcome): void {
    this.active?.settle(o);
  }

  private post(msg: RefineRequest): boolean {
    try {
      this.open().postMessage(msg);
      return true;
    } catch {
      this.port = null;
      return false;
    }
  }

  private open(): RefinePort {
    if (this.port) return this.port;
    const port = this.connect(REFINE_PORT);
    this.port = port;
    port.onMessage.addListener((m) => {
      if (this.port === port) this.receive(m);
    });
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = null;
      this.end('failed');
    });
    return port;
  }

  private receive(m: unknown): void {
    const a = this.active;
    if (!a) return;
    if (!isRefineReply(m)) return a.settle('failed');
    if (m.job !== a.id) return; // an answer to a job replaced meanwhile
    if (m.type === 'lens:refine-done') return a.settle('done');
    if (m.type === 'lens:refine-error') return a.settle('failed');
    if (m.items.some(([i]) => i >= a.n)) return a.settle('failed');
    a.onBatch(m.items, m.done, m.total);
  }
}

/** The job's message, or null when the thread is beyond the bounds the background checks. */
export function request(job: number, j: Pick<RefineJob, 'thread' | 'labels' | 'order'>): RefineRequest | null {
  const cs = j.thread.comments;
  if (cs.length > MAX_REFINE_COMMENTS || !isArticle(j.thread.article) || !articleIntact(j.thread.article)) return null;
  const at = new Map(cs.map((c, i) => [c.id, i]));
  const comments: RefineComment[] = [];
  let chars = 0;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    // Only a comment to refine needs its words whole; a long one is cut (the encoder reads its start).
    const text = c.text.length > MAX_REFINE_TEXT ? cut(c.text, MAX_REFINE_TEXT) : c.text;
    if (!crossesIntact(text)) return null;
    chars += text.length;
    const p = c.parentId === undefined ? undefined : at.get(c.parentId);
    comments.push({ text, parent: p === undefined || p === i ? -1 : p, label: toWireLabel(j.labels[i]!) });
  }
  if (chars > MAX_REFINE_CHARS) return null;
  return { type: 'lens:refine', job, article: j.thread.article, comments, order: [...j.order] };
}

/** The first `n` code units, one fewer if the cut would split a surrogate pair. */
function cut(s: string, n: number): string {
  const c = s.charCodeAt(n - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}

function articleIntact(a: Article): boolean {
  return [a.title, a.date, a.source, a.url, ...a.paragraphs].every((v) => v === undefined || crossesIntact(v));
}
