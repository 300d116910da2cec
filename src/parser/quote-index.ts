// Finds the latest earlier comment containing a quoted passage, in time linear in the quote's length.
// A rolling window keeps memory bounded on huge threads: quotes of comments more than WINDOW
// comments back are not found (people quote what they just read).

const SHINGLE = 3; // words per shingle: the shortest quote we accept as evidence
export const QUOTE_WINDOW = 2000;
const WINDOW = QUOTE_WINDOW;
const PROBES = 8; // shingles of a quote looked up; enough to survive a latest-hit that differs

interface Entry { key: string; shingles: string[] }

export class QuoteIndex {
  private readonly latest = new Map<string, number>(); // shingle -> latest comment index holding it
  private readonly entries = new Map<number, Entry>();
  private readonly order: number[] = []; // indexed comments, oldest first
  private head = 0;

  /** Adds comment `i` (its quoteKey text); evicts the comment that falls out of the window. */
  add(i: number, key: string): void {
    const ws = key.split(' ');
    const shingles: string[] = [];
    for (let k = 0; k + SHINGLE <= ws.length; k++) {
      const s = `${ws[k]} ${ws[k + 1]} ${ws[k + 2]}`; // SHINGLE words, spelled out: this loop is hot
      shingles.push(s);
      this.latest.set(s, i);
    }
    this.entries.set(i, { key: ` ${key} `, shingles });
    this.order.push(i);
    while (this.head < this.order.length && this.order[this.head]! <= i - WINDOW) {
      const old = this.order[this.head++]!;
      for (const sh of this.entries.get(old)!.shingles) if (this.latest.get(sh) === old) this.latest.delete(sh);
      this.entries.delete(old);
    }
    if (this.head > 4096) { this.order.splice(0, this.head); this.head = 0; } // keep the queue small
  }

  /** Latest indexed comment whose text holds the whole quote (word-aligned) and passes `accept`. */
  find(quoteKey: string, accept: (i: number) => boolean): number | undefined {
    const ws = quoteKey.split(' ');
    if (ws.length < SHINGLE) return undefined;
    const candidates = new Set<number>();
    for (let k = 0; k + SHINGLE <= ws.length && k < PROBES; k++) {
      const idx = this.latest.get(`${ws[k]} ${ws[k + 1]} ${ws[k + 2]}`);
      if (idx !== undefined) candidates.add(idx);
    }
    const padded = ` ${quoteKey} `;
    let best: number | undefined;
    for (const idx of candidates) {
      if ((best === undefined || idx > best) && accept(idx) && this.entries.get(idx)?.key.includes(padded)) best = idx;
    }
    return best;
  }
}
