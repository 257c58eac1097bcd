/**
 * A fixed-capacity ring of numbers: pushing past the capacity overwrites the oldest value, so
 * memory never grows with the stream.
 */
export class RingBuffer {
  private readonly data: Float64Array;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.data = new Float64Array(Math.max(1, capacity));
  }

  /** Values held (at most `capacity`). */
  get size(): number {
    return this.count;
  }

  /** Append a value, dropping the oldest when full. */
  push(value: number): void {
    this.data[this.head] = value;
    this.head = (this.head + 1) % this.data.length;
    if (this.count < this.data.length) this.count++;
  }

  /** The value pushed `lag` pushes ago (1 = the latest); NaN when not held. */
  ago(lag: number): number {
    if (lag < 1 || lag > this.count) return Number.NaN;
    const i = (this.head - lag + this.data.length * 2) % this.data.length;
    return this.data[i]!;
  }

  /** Copy the held values (oldest first) into `out`; returns how many. */
  copyTo(out: Float64Array): number {
    const n = this.count;
    const len = this.data.length;
    const start = (this.head - n + len) % len;
    for (let k = 0; k < n; k++) out[k] = this.data[(start + k) % len]!;
    return n;
  }
}
