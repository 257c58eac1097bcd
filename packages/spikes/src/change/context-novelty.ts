import { RankHistory } from './rank-history.ts';

/** Symbols beyond the learnt range on either side are told apart up to this many bins out. */
const OVERFLOW_BINS = 24;
/** Distinct symbols: the learnt bins plus the overflow on both sides (a power of two for the keys). */
const SYMBOL_RADIX = 64;
/** Most distinct contexts counted; later new ones are still scored, as never seen, but not stored. */
const MAX_CONTEXTS = 1 << 20;

/**
 * How novel the latest values are as a sequence: values are cut into `bins` equal bins over the
 * range of the first `learnSteps` points (values beyond it get their own overflow bins), and for
 * each context length `L` the latest `L` symbols are counted. A sequence seen `c` times before has
 * novelty `1 / (c + 1)`; its mean over the last `smoothing` points (a rate of novelty, as
 * Numenta's anomaly likelihood smooths raw scores) is ranked against its own past with
 * {@link RankHistory}. Catches changed shapes that leave the level and spread alone (a flattened
 * daily cycle, a jump inside the usual range). Causal: nothing is scored before the range is learnt.
 */
export class ContextNovelty {
  private readonly learning: number[] = [];
  private low = Number.NaN;
  private width = Number.NaN;
  private readonly symbols: Int32Array;
  private readonly counts: Map<number, number>[];
  private readonly novelty: Float64Array[];
  private readonly sums: Float64Array;
  private readonly histories: RankHistory[];
  private seen = 0;

  constructor(
    private readonly learnSteps: number,
    private readonly bins: number,
    private readonly contexts: readonly number[],
    private readonly smoothing: number,
    historyCapacity: number,
  ) {
    this.symbols = new Int32Array(Math.max(...contexts));
    this.counts = contexts.map(() => new Map());
    this.novelty = contexts.map(() => new Float64Array(smoothing));
    this.sums = new Float64Array(contexts.length);
    this.histories = contexts.map(() => new RankHistory(historyCapacity));
  }

  /** Take the next point; its improbability in decades (0 while the range is being learnt). */
  step(value: number): number {
    if (Number.isNaN(this.width)) {
      this.learning.push(value);
      if (this.learning.length === this.learnSteps) this.learnRange();
      return 0;
    }
    return this.observe(this.symbolOf(value), true);
  }

  private learnRange(): void {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of this.learning) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    this.low = lo;
    this.width = hi > lo ? (hi - lo) / this.bins : Math.max(Math.abs(lo) * 0.01, 1e-9);
    // The learning points are counted (never scored), so the first scored point has a past.
    for (const v of this.learning) this.observe(this.symbolOf(v), false);
    this.learning.length = 0;
  }

  private symbolOf(value: number): number {
    const bin = Math.floor((value - this.low) / this.width);
    return Math.max(-OVERFLOW_BINS, Math.min(SYMBOL_RADIX - OVERFLOW_BINS - 1, bin)) + OVERFLOW_BINS;
  }

  private observe(symbol: number, scored: boolean): number {
    const t = this.seen++;
    const longest = this.symbols.length;
    this.symbols[t % longest] = symbol;
    let best = 0;
    for (let j = 0; j < this.contexts.length; j++) {
      const length = this.contexts[j]!;
      if (t + 1 < length) continue;
      let key = length; // the length in the key keeps different lengths apart in one number space
      for (let i = t + 1 - length; i <= t; i++) key = key * SYMBOL_RADIX + this.symbols[i % longest]!;
      const counts = this.counts[j]!;
      const c = counts.get(key) ?? 0;
      if (c > 0 || counts.size < MAX_CONTEXTS) counts.set(key, c + 1);
      if (!scored) continue;
      const ring = this.novelty[j]!;
      const slot = t % this.smoothing;
      this.sums[j]! += 1 / (c + 1) - ring[slot]!;
      ring[slot] = 1 / (c + 1);
      best = Math.max(best, this.histories[j]!.decades(this.sums[j]! / this.smoothing));
    }
    return scored ? Math.max(0, best - Math.log10(this.contexts.length)) : 0;
  }
}
