// Polyak-Ruppert tail averaging for the fixed-step Adam fits (dense-logreg.ts, stack.ts): the mean of
// the iterates over the second half of the steps. Adam's last steps still swing weights the data
// barely constrains; the final iterate alone moved the grouped CV with one step more or less.

export class TailAverage {
  private readonly from: number;
  private readonly sum: Float64Array;

  /** `size` values, fitted for `iters` steps. */
  constructor(private readonly iters: number, size: number) {
    this.from = Math.floor(iters / 2) + 1;
    this.sum = new Float64Array(size);
  }

  /** After step `t` (1-based): adds `values` at `offset`, when t is in the tail. */
  add(t: number, values: ArrayLike<number>, offset = 0): void {
    if (t < this.from) return;
    for (let i = 0; i < values.length; i++) this.sum[offset + i] = this.sum[offset + i]! + values[i]!;
  }

  /** The mean of what was added, `length` values from `offset`, written into `out`. */
  meanInto<T extends { [i: number]: number; length: number }>(out: T, offset = 0): T {
    const tail = this.iters - this.from + 1;
    for (let i = 0; i < out.length; i++) out[i] = this.sum[offset + i]! / tail;
    return out;
  }
}
