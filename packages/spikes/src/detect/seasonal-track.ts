import { medianInPlace } from '@cdf/core';
import { RingBuffer } from '../kernels/ring-buffer.ts';

/** Median absolute deviation of a standard normal: MAD / 0.6745 estimates sigma. */
const MAD_TO_SIGMA = 0.6744897501960817;

/** What one seasonal track says about a point. */
export interface TrackStep {
  /** Expected (transformed) value: seasonal median plus level correction; NaN before any history. */
  expected: number;
  /** Residual `y - expected` (NaN for a missing point or before any history). */
  residual: number;
  /** Residual scale before this point was seen (NaN until initialised). */
  scale: number;
}

/**
 * The robust expectation for one seasonal period, causal: the median of the same phase over the
 * last `cycles` periods of *cleaned* history plus a level correction (the median of recent
 * deviations from that seasonal median). A point enters the history clipped to `clip` scales
 * from its expectation, so a spike cannot become the new normal quickly: a shift of `k` scales
 * needs about `k / clip` level windows to be absorbed, whereas ordinary noise passes unchanged.
 * Memory: `period x cycles + levelSteps` numbers, whatever the stream length.
 */
export class SeasonalTrack {
  private readonly history: RingBuffer;
  private readonly deviations: RingBuffer;
  private readonly phaseScratch: Float64Array;
  private readonly levelScratch: Float64Array;
  private variance = Number.NaN;
  private level = 0;
  private steps = 0;
  private readonly levelEvery: number;
  private readonly initSteps: number;
  private sinceOutlier = Number.POSITIVE_INFINITY;
  private error = Number.NaN;
  private errorCount = 0;
  private observed = 0;
  private readonly initResiduals: Float64Array;

  constructor(
    /** The period in steps (1 = the previous steps). */
    readonly period: number,
    private readonly cycles: number,
    levelSteps: number,
    private readonly clip: number,
    private readonly alpha: number,
    warmupSteps: number,
    /** Steps after an outlier before residuals update the scale again. */
    private readonly quietSteps: number,
  ) {
    this.history = new RingBuffer(period * cycles);
    this.deviations = new RingBuffer(levelSteps);
    this.phaseScratch = new Float64Array(cycles);
    this.levelScratch = new Float64Array(levelSteps);
    // The first scale comes from this many residuals with seasonal history behind them.
    this.initSteps = Math.max(3, Math.ceil(warmupSteps / 4));
    this.initResiduals = new Float64Array(this.initSteps);
    // The level median moves slowly; at fine steps recomputing it ~48 times per window is as good
    // as every step and keeps the cost per point flat.
    this.levelEvery = Math.max(1, Math.floor(levelSteps / 48));
  }

  /** True once one full period of history is held and the scale is initialised: the track can score. */
  get usable(): boolean {
    return this.history.size >= this.period && !Number.isNaN(this.variance);
  }

  /**
   * How well this period explains the series: the exponentially weighted mean absolute residual
   * (capped at 10 scales, so one spike does not decide), NaN before any. Tracks compete on it.
   */
  get fitError(): number {
    return this.errorCount >= this.initSteps ? this.error : Number.NaN;
  }

  /** Current residual variance (NaN before initialisation). */
  get residualVariance(): number {
    return this.variance;
  }

  /**
   * Score `y` (NaN for a missing or filled point) and learn from it. `floor` is the smallest
   * scale allowed for this point.
   */
  step(y: number, floor: number): TrackStep {
    let seasonal = Number.NaN;
    let k = 0;
    for (let c = 1; c <= this.cycles; c++) {
      const past = this.history.ago(c * this.period);
      if (Number.isNaN(past)) break;
      this.phaseScratch[k++] = past;
    }
    if (k > 0) seasonal = medianInPlace(this.phaseScratch, k);
    else if (this.history.size > 0) seasonal = this.history.ago(1);
    if (this.steps++ % this.levelEvery === 0) {
      const n = this.deviations.copyTo(this.levelScratch);
      this.level = n > 0 ? medianInPlace(this.levelScratch, n) : 0;
    }
    const level = this.level;
    const expected = seasonal + level;
    const rawScale = Math.sqrt(this.variance);
    const scale = Number.isNaN(rawScale) ? Number.NaN : Math.max(rawScale, floor);
    const residual = y - expected;

    let cleaned: number;
    if (Number.isNaN(y)) {
      cleaned = expected;
    } else if (Number.isNaN(expected)) {
      cleaned = y;
    } else {
      const limit = Number.isNaN(scale) ? Number.POSITIVE_INFINITY : this.clip * scale;
      const clipped = Math.max(-limit, Math.min(limit, residual));
      cleaned = expected + clipped;
      if (k > 0) this.learnScale(residual, limit);
    }
    if (!Number.isNaN(cleaned)) {
      this.history.push(cleaned);
      if (!Number.isNaN(seasonal)) this.deviations.push(cleaned - seasonal);
    }
    return { expected, residual, scale };
  }

  private learnScale(residual: number, limit: number): void {
    this.observed++;
    if (!Number.isNaN(this.variance)) {
      const capped = Math.min(Math.abs(residual), 10 * Math.sqrt(this.variance));
      this.error = Number.isNaN(this.error) ? capped : (1 - this.alpha) * this.error + this.alpha * capped;
      this.errorCount++;
    }
    if (this.observed <= this.initSteps) {
      // The first scale is the MAD of the warm-up residuals (a spike in the warm-up cannot
      // inflate it), then exponential weighting of the inliers takes over.
      this.initResiduals[this.observed - 1] = Math.abs(residual);
      if (this.observed === this.initSteps) {
        const mad = medianInPlace(this.initResiduals, this.initSteps) / MAD_TO_SIGMA;
        this.variance = mad * mad;
      }
      return;
    }
    // An outlier, and any point soon after one, leaves the scale as it is: were they counted, a
    // long spike (whose residuals hover near the clip while the baseline catches up) would
    // inflate the scale step after step until it hid itself.
    if (Math.abs(residual) > limit) {
      this.sinceOutlier = 0;
      return;
    }
    if (++this.sinceOutlier <= this.quietSteps) return;
    this.variance = (1 - this.alpha) * this.variance + this.alpha * residual * residual;
  }
}
