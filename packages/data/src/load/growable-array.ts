/**
 * A Float64Array that grows by doubling while rows stream in, and is trimmed to its length at
 * the end: amortised O(1) appends with no per-row objects.
 */
export class GrowableFloat64Array {
  private data: Float64Array;
  /** Values appended so far. */
  length = 0;

  /** Starts with room for `capacity` values. */
  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(1, capacity));
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }

  /** Appends `count` copies of `value`. */
  fill(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.push(value);
  }

  /** A copy holding exactly the appended values; the buffer is released. */
  finish(): Float64Array {
    const out = this.data.length === this.length ? this.data : this.data.slice(0, this.length);
    this.data = new Float64Array(1);
    this.length = 0;
    return out;
  }

  private grow(): void {
    const next = new Float64Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/** A Uint32Array that grows by doubling; see {@link GrowableFloat64Array}. */
export class GrowableUint32Array {
  private data: Uint32Array;
  /** Values appended so far. */
  length = 0;

  /** Starts with room for `capacity` values. */
  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(1, capacity));
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** A copy holding exactly the appended values; the buffer is released. */
  finish(): Uint32Array {
    const out = this.data.length === this.length ? this.data : this.data.slice(0, this.length);
    this.data = new Uint32Array(1);
    this.length = 0;
    return out;
  }
}
