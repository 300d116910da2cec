// One labelling job's answers, in order: batches of labels as the background sends them, then
// 'done', or 'failed' (where the caller takes over in the page). An answer that does not fit the
// job (not the comments next in order, for comments not sent yet, a label where the comment was
// kept or none where it was not) is refused. The background may answer one batch sent in
// several replies. Silence for `stallMs` while labels are due calls `onStall`.
import type { StanceLabel } from '../parser/types';
import { LabelUnpacker } from '../shared/label-wire';

/** labels[k] is comment from+k's label, null where the comment was kept. */
export type Batch = { from: number; labels: Array<StanceLabel | null> } | 'done' | 'failed';

export class LabelStream {
  private queue: Batch[] = [];
  private waiter: ((b: Batch) => void) | null = null;
  private terminal: 'done' | 'failed' | null = null;
  private received = 0;
  /** comments sent so far */
  private sentCount = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** the job's string table, as its replies build it */
  readonly wire = new LabelUnpacker();

  constructor(
    readonly id: number,
    private total: number,
    private kept: ReadonlyArray<StanceLabel | undefined>,
    private stallMs: number,
    private onStall: (s: LabelStream) => void,
  ) {}

  get ended(): boolean {
    return this.terminal !== null;
  }

  /** The next batch (or the end); waits while none is there. */
  next(): Promise<Batch> {
    const b = this.queue.shift() ?? (this.queue.length === 0 ? this.terminal : null);
    if (b) return Promise.resolve(b);
    return new Promise((resolve) => (this.waiter = resolve));
  }

  /**
   * (Re)starts the silence timer while labels are due: a message came, or comments went out. A job
   * whose comments are still being read (RemoteLabeller.begin) may wait for them without a timer.
   */
  alive(): void {
    if (this.ended) return;
    clearTimeout(this.timer);
    this.timer = this.received < this.sentCount ? setTimeout(() => this.onStall(this), this.stallMs) : undefined;
  }

  /** A batch of `count` comments went out: labels are due (the timer runs from the first unanswered one). */
  sent(count: number): void {
    this.sentCount += count;
    if (this.timer === undefined) this.alive();
  }

  /** Takes a batch of answers; false when it does not fit the job. */
  push(from: number, labels: Array<StanceLabel | null>): boolean {
    if (this.ended || from !== this.received || labels.length === 0 || from + labels.length > this.sentCount) return false;
    for (let k = 0; k < labels.length; k++) {
      if ((labels[k] === null) !== (this.kept[from + k] !== undefined)) return false;
    }
    this.received += labels.length;
    this.deliver({ from, labels });
    if (this.received === this.total) this.finish('done');
    else this.alive();
    return true;
  }

  finish(how: 'done' | 'failed'): void {
    if (this.ended) return;
    this.terminal = how;
    clearTimeout(this.timer);
    if (this.queue.length === 0) this.deliver(how);
  }

  private deliver(b: Batch): void {
    const w = this.waiter;
    this.waiter = null;
    if (w) w(b);
    else if (typeof b === 'object') this.queue.push(b);
  }
}
