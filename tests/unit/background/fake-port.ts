// An in-memory runtime.Port pair for the labelling tests: messages cross as JSON (as Chromium
// sends them) and arrive in a later task; disconnect() is seen by the other end only.
import type { Thread } from '../../../src/parser/types';
import { inferReplies } from '../../../src/parser/replies';
import { makeThread } from '../../../scripts/bench/generate';

type Fn<A extends unknown[]> = (...a: A) => void;

export class FakePort {
  open = true;
  other!: FakePort;
  sent: unknown[] = [];
  private msg: Array<Fn<[unknown]>> = [];
  private disc: Array<Fn<[]>> = [];
  onMessage = { addListener: (f: Fn<[unknown]>) => void this.msg.push(f) };
  onDisconnect = { addListener: (f: Fn<[]>) => void this.disc.push(f) };

  postMessage(m: unknown): void {
    if (!this.open) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(m);
    const data: unknown = JSON.parse(JSON.stringify(m));
    setTimeout(() => {
      if (this.other.open) for (const f of this.other.msg) f(data);
    });
  }

  /** what the other side receives, bypassing the JSON (for hostile messages) */
  deliver(m: unknown): void {
    for (const f of this.msg) f(m);
  }

  disconnect(): void {
    if (!this.open) return;
    this.open = this.other.open = false;
    setTimeout(() => this.other.disc.forEach((f) => f()));
  }
}

export function portPair(): [FakePort, FakePort] {
  const a = new FakePort();
  const b = new FakePort();
  a.other = b;
  b.other = a;
  return [a, b];
}

/** A generated thread with reply links (inferred from @mentions, plus some marked) and placeholders. */
export function sampleThread(n: number, seed = 3): Thread {
  const t = makeThread(n, seed);
  const comments = inferReplies(t.comments).map((c, i) => {
    if (i > 0 && i % 7 === 0 && c.parentId === undefined) return { ...c, parentId: t.comments[i - 1]!.id };
    if (i % 53 === 5) return { ...c, text: '[deleted]', placeholder: 'deleted' as const };
    return c;
  });
  return { article: t.article, comments };
}
