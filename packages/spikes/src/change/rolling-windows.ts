/**
 * Running sums over the last `k` points for several `k` (the "short" windows) and over a
 * reference window of `referenceSteps` points just before the longest of them (0 for none), so a
 * statistic can compare the recent points with what came before at O(#k) a point. Values are kept
 * around the first one seen (no cancellation at large levels), in a ring buffer of `reference +
 * longest + 2` points (the reference's oldest point is still in it when it leaves); the sums are
 * recomputed exactly every `max(reference, longest, 64)` points, so rounding never accumulates
 * over an endless stream.
 */
export class RollingWindows {
  private readonly ring: Float64Array;
  private readonly longest: number;
  private readonly sums: Float64Array;
  private readonly squares: Float64Array;
  private seen = 0;
  private pivot = Number.NaN;
  private refSum = 0;
  private refSquares = 0;
  private sinceExact = 0;
  private readonly exactEvery: number;

  constructor(
    readonly referenceSteps: number,
    readonly shortSteps: readonly number[],
  ) {
    this.longest = Math.max(...shortSteps);
    this.ring = new Float64Array(referenceSteps + this.longest + 2);
    this.sums = new Float64Array(shortSteps.length);
    this.squares = new Float64Array(shortSteps.length);
    this.exactEvery = Math.max(referenceSteps, this.longest, 64);
  }

  /** Take the next point; true once the reference window and every short window are full. */
  push(value: number): boolean {
    if (Number.isNaN(this.pivot)) this.pivot = value;
    const x = value - this.pivot;
    const t = this.seen++;
    const cap = this.ring.length;
    this.ring[t % cap] = x;
    for (let j = 0; j < this.shortSteps.length; j++) {
      const k = this.shortSteps[j]!;
      this.sums[j]! += x;
      this.squares[j]! += x * x;
      if (t >= k) {
        const u = this.ring[(t - k) % cap]!;
        this.sums[j]! -= u;
        this.squares[j]! -= u * u;
      }
    }
    // Reference window [t - longest - W, t - longest): one point enters and one leaves per step.
    const entering = t - this.longest - 1;
    if (entering >= 0 && this.referenceSteps > 0) {
      const v = this.ring[entering % cap]!;
      this.refSum += v;
      this.refSquares += v * v;
      const leaving = entering - this.referenceSteps;
      if (leaving >= 0) {
        const u = this.ring[leaving % cap]!;
        this.refSum -= u;
        this.refSquares -= u * u;
      }
    }
    if (++this.sinceExact >= this.exactEvery) this.recompute(t);
    return this.referenceSteps > 0 ? t >= this.referenceSteps + this.longest : t >= this.longest - 1;
  }

  /** Mean of the reference window, around the first value (add {@link level} for the series' own); NaN without one. */
  referenceMean(): number {
    return this.refSum / this.referenceSteps;
  }

  /** Variance of the reference window (population, never negative). */
  referenceVariance(): number {
    const mean = this.referenceMean();
    return Math.max(0, this.refSquares / this.referenceSteps - mean * mean);
  }

  /** Mean of the last `shortSteps[j]` points, around the first value. */
  shortMean(j: number): number {
    return this.sums[j]! / this.shortSteps[j]!;
  }

  /** Variance of the last `shortSteps[j]` points (population, never negative). */
  shortVariance(j: number): number {
    const mean = this.shortMean(j);
    return Math.max(0, this.squares[j]! / this.shortSteps[j]! - mean * mean);
  }

  /** The first value seen: what the means are taken around. */
  get level(): number {
    return this.pivot;
  }

  /** Exact sums over the reference and short windows, at step `t`. */
  private recompute(t: number): void {
    const cap = this.ring.length;
    let sum = 0;
    let squares = 0;
    const last = t - this.longest - 1; // the reference's newest point
    if (this.referenceSteps > 0) {
      for (let i = Math.max(0, last - this.referenceSteps + 1); i <= last; i++) {
        const v = this.ring[i % cap]!;
        sum += v;
        squares += v * v;
      }
    }
    this.refSum = sum;
    this.refSquares = squares;
    this.sinceExact = 0;
    for (let j = 0; j < this.shortSteps.length; j++) {
      let s = 0;
      let q = 0;
      for (let i = Math.max(0, t - this.shortSteps[j]! + 1); i <= t; i++) {
        const v = this.ring[i % cap]!;
        s += v;
        q += v * v;
      }
      this.sums[j] = s;
      this.squares[j] = q;
    }
  }
}
