// The first read of a long thread, labelled while it is read. The background sits idle while the
// page reads its comments (~300-500 ms at 10,000), so the article goes to it as soon as the page has
// it (pageStage reads it first when asked), then each slice's new comments. What goes is what the
// thread will be: the parser's own PartReader over the same comments, the page's ids. Once built, the
// thread is checked against what was sent; any difference (ids the parser renumbers, a skipped item,
// another article) drops the job, and the session starts an ordinary one with the thread.
import { buildArticle, PartReader, type Part, type ReadSoFar } from '../parser/thread';
import type { Article, Comment, RawComment, RawPage, Thread } from '../parser/types';
import type { LabelStream } from './label-stream';
import type { EarlyJob, RemoteLabeller } from './remote-labeller';

/** The fewest new comments sent in one message while the page reads (the rest go with the thread). */
const SEND_AT_LEAST = 400;

export class EarlyLabels {
  private job: EarlyJob | null = null;
  private article: Article | null = null;
  private raw: readonly RawComment[] = [];
  private total = 0;
  private readonly reader = new PartReader();
  private readonly parts: Part[] = [];
  private readonly comments: Comment[] = [];
  private readonly ids = new Set<string>();
  /** a reply marked up as one was seen: no guessing of replies at the end can change a parent */
  private nested = false;
  private off = false;

  /**
   * `moreThan`: fewer items are labelled at once, in the page or the background (label-pass.ts);
   * `onBegin` hears when the first comments go out (a timeline mark).
   */
  constructor(
    private readonly remote: RemoteLabeller,
    private readonly moreThan: number,
    private readonly onBegin?: () => void,
  ) {}

  /** The items are found: `comments` fills as they are read. */
  found(items: number, comments: readonly RawComment[]): void {
    if (items <= this.moreThan || !this.remote.usable) this.off = true;
    this.raw = comments;
    this.total = items;
  }

  /** The page's article, read before its comments. */
  setArticle(article: RawPage['article'], url?: string): void {
    if (!this.off) this.article = buildArticle({ article, ...(url === undefined ? {} : { url }) });
  }

  /** After a slice of the read: the comments read since go out. */
  slice(): void {
    if (this.off || this.article === null) return;
    for (let i = this.parts.length; i < this.raw.length; i++) {
      const rc = this.raw[i]!;
      const part = this.reader.next(rc);
      this.parts.push(part);
      // buildThread keeps the page's ids only when every comment has its own
      const id = rc.id?.trim() ?? '';
      if (id === '' || this.ids.has(id)) return this.stop();
      this.ids.add(id);
      const c: Comment = { id, author: part.author, text: part.text };
      if (part.placeholder) c.placeholder = part.placeholder;
      if (part.parent !== undefined) {
        c.parentId = this.comments[part.parent]!.id;
        this.nested = true;
      }
      this.comments.push(c);
    }
    // A flat list so far: the parser may guess replies once it has them all.
    if (!this.nested) return;
    // Some hundreds a message: each costs a round trip through the browser, and a reply per 250 labels.
    if (this.comments.length - (this.job?.sent ?? 0) < SEND_AT_LEAST) return;
    if (!this.job) {
      this.job = this.remote.begin(this.article, this.total);
      if (this.job) this.onBegin?.();
    }
    if (!this.job || !this.job.send(this.comments)) this.stop();
  }

  /**
   * What the reader made of the page's first comments, for threadStage to go on from (the same
   * work, not done twice): only for `comments`, the array the read filled.
   */
  readSoFar(comments: readonly unknown[]): ReadSoFar | undefined {
    return comments === this.raw && this.parts.length > 0 ? { reader: this.reader, parts: this.parts } : undefined;
  }

  /** The thread is built: the job's stream when the thread is what was sent (the rest goes now), else null. */
  adopt(thread: Thread): LabelStream | null {
    const job = this.job;
    this.job = null;
    if (!job) return null;
    const cs = thread.comments;
    const same =
      !this.off &&
      cs.length === this.total &&
      JSON.stringify(thread.article) === JSON.stringify(this.article) &&
      this.comments.every((c, i) => i >= job.sent || sameComment(c, cs[i]!));
    if (!same) {
      job.drop();
      return null;
    }
    return job.finish(thread);
  }

  /** No early job (any more): the read was stopped, or the thread will differ from what was sent. */
  stop(): void {
    this.off = true;
    this.job?.drop();
    this.job = null;
  }
}

/** What the labels depend on. */
function sameComment(a: Comment, b: Comment): boolean {
  return a.id === b.id && a.text === b.text && a.parentId === b.parentId && a.placeholder === b.placeholder;
}
