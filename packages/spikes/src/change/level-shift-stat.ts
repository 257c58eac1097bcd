import { RankHistory } from './rank-history.ts';

/**
 * How far the mean of the last `k` points sits from a reference window just before them, for
 * several `k` (1 = a point outlier, larger = a sustained shift): `|short mean - reference mean| /
 * reference sd * sqrt(k)`, both directions. Each `k`'s statistic is ranked against its own past
 * ({@link RankHistory}), the most improbable wins, Bonferroni-corrected for looking at several `k`.
 * Causal and O(#k) per point (running sums over ring buffers).
 */
export class LevelShiftStat {
  private readonly ring: Float64Array;
  private readonly longest: number;
  private readonly histories: RankHistory[];
  private readonly shortSums: Float64Array;
  private seen = 0;
  private pivot = Number.NaN;
  private refSum = 0;
  private refSquares = 0;
  private sinceExact = 0;

  constructor(
    private readonly referenceSteps: number,
    private readonly shortSteps: readonly number[],
    historyCapacity: number,
  ) {
    this.longest = Math.max(...shortSteps);
    this.ring = new Float64Array(referenceSteps + this.longest + 1);
    this.histories = shortSteps.map(() => new RankHistory(historyCapacity));
    this.shortSums = new Float64Array(shortSteps.length);
  }

  /** Take the next point; its improbability in decades (0 until the reference window is full). */
  step(value: number): number {
    if (Number.isNaN(this.pivot)) this.pivot = value;
    const x = value - this.pivot; // sums around the first value: no cancellation at large levels
    const t = this.seen++;
    const cap = this.ring.length;
    this.ring[t % cap] = x;
    for (let j = 0; j < this.shortSteps.length; j++) {
      const k = this.shortSteps[j]!;
      this.shortSums[j]! += x;
      if (t >= k) this.shortSums[j]! -= this.ring[(t - k) % cap]!;
    }
    // Reference window [t - longest - W, t - longest): one point enters and one leaves per step.
    const entering = t - this.longest - 1;
    if (entering >= 0) {
      const v = this.ring[entering % cap]!;
      this.refSum += v;
      this.refSquares += v * v;
      const leaving = entering - this.referenceSteps;
      if (leaving >= 0) {
        const u = this.ring[leaving % cap]!;
        this.refSum -= u;
        this.refSquares -= u * u;
      }
      if (++this.sinceExact >= this.referenceSteps) this.recomputeReference(entering);
    }
    if (t < this.referenceSteps + this.longest) return 0;
    const w = this.referenceSteps;
    const mean = this.refSum / w;
    const variance = Math.max(0, this.refSquares / w - mean * mean);
    const sd = Math.max(Math.sqrt(variance), 1e-6 * (Math.abs(mean + this.pivot) + 1));
    let best = 0;
    for (let j = 0; j < this.shortSteps.length; j++) {
      const k = this.shortSteps[j]!;
      const raw = (Math.abs(this.shortSums[j]! / k - mean) / sd) * Math.sqrt(k);
      best = Math.max(best, this.histories[j]!.decades(raw));
    }
    return Math.max(0, best - Math.log10(this.shortSteps.length));
  }

  /** Exact sums over the reference and short windows, so rounding never accumulates. */
  private recomputeReference(last: number): void {
    const cap = this.ring.length;
    let sum = 0;
    let squares = 0;
    for (let i = Math.max(0, last - this.referenceSteps + 1); i <= last; i++) {
      const v = this.ring[i % cap]!;
      sum += v;
      squares += v * v;
    }
    this.refSum = sum;
    this.refSquares = squares;
    this.sinceExact = 0;
    const t = this.seen - 1;
    for (let j = 0; j < this.shortSteps.length; j++) {
      let s = 0;
      for (let i = Math.max(0, t - this.shortSteps[j]! + 1); i <= t; i++) s += this.ring[i % cap]!;
      this.shortSums[j] = s;
    }
  }
}
