/**
 * A bounded history of a statistic's past values, kept sorted, that turns a new value into its
 * improbability against that history: scale-free, whatever the series' units. The oldest value
 * leaves when the history is full, so memory is bounded by `capacity`.
 */
export class RankHistory {
  private readonly sorted: Float64Array;
  private readonly fifo: Float64Array;
  private size = 0;
  private head = 0;

  /** `capacity`: most values kept; `minCount`: values needed before any verdict (before that, 0 decades). */
  constructor(
    readonly capacity: number,
    readonly minCount = 20,
  ) {
    this.sorted = new Float64Array(capacity);
    this.fifo = new Float64Array(capacity);
  }

  /** Values held. */
  get count(): number {
    return this.size;
  }

  /**
   * Improbability of `value` in decades, `-log10 p` with `p = (past values >= value, plus one) /
   * (count + 1)`; a new record is `p` times `(previous max / value)`, so breaking the record by 10x
   * counts one decade more. Then `value` joins the history.
   */
  decades(value: number): number {
    let d = 0;
    if (this.size >= this.minCount) {
      const atLeast = this.size - this.lowerBound(value);
      let p = (atLeast + 1) / (this.size + 1);
      const max = this.sorted[this.size - 1]!;
      if (atLeast === 0 && max > 0) p *= Math.min(1, max / value);
      d = -Math.log10(p);
    }
    this.add(value);
    return d;
  }

  private add(value: number): void {
    if (this.size === this.capacity) {
      const at = this.lowerBound(this.fifo[this.head]!);
      this.sorted.copyWithin(at, at + 1, this.size);
      this.size--;
    }
    const at = this.lowerBound(value);
    this.sorted.copyWithin(at + 1, at, this.size);
    this.sorted[at] = value;
    this.size++;
    this.fifo[this.head] = value;
    this.head = (this.head + 1) % this.capacity;
  }

  /** First index whose value is >= `value`. */
  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
