import { medianInPlace } from '@cdf/core';
import { RingBuffer } from '../kernels/ring-buffer.ts';
import { ResidualScale } from './residual-scale.ts';

/** What one seasonal track says about a point. */
export interface TrackStep {
  /** Expected (transformed) value: seasonal median plus level correction; NaN before any history. */
  expected: number;
  /** Residual `y - expected` (NaN for a missing point or before any history). */
  residual: number;
  /** Residual scale before this point was seen (NaN until initialised). */
  scale: number;
  /**
   * What this point adds to the track's fit record (see {@link SeasonalTrack.recordFit}): the
   * absolute residual capped at 10 scales; NaN when it adds nothing (missing, or no scale yet).
   */
  fitResidual: number;
  /** True when the residual is beyond the clip (`clip` scales): an outlier to this track. */
  outlier: boolean;
}

/** How a {@link SeasonalTrack} learns; every length is in steps. */
export interface SeasonalTrackOptions {
  /** The period (1 = the previous step). */
  period: number;
  /** Past cycles whose median gives the seasonal expectation. */
  cycles: number;
  /** Recent deviations whose median gives the level correction. */
  levelSteps: number;
  /** Residuals beyond `clip` scales are clipped before they enter the history. */
  clip: number;
  /**
   * Share of the clip a spike-sized outlier on a watched side adds to the history (1: the whole
   * clip). Below 1, a spike is absorbed more slowly than an ordinary level change.
   */
  admitOutliers: number;
  /** Which outliers `admitOutliers` applies to: rises only (`up`) or rises and drops (`both`). */
  watched: 'up' | 'both';
  /** Weight of the newest point in the running fit error (and the exponential scale). */
  alpha: number;
  /** Warm-up length; the first scale comes from a quarter of it. */
  warmupSteps: number;
  /** Steps after an outlier before residuals update the scale again. */
  quietSteps: number;
  /** Inliers whose MAD gives the residual scale; 0 = exponential weighting (see ResidualScale). */
  scaleWindowSteps: number;
}

/**
 * The robust expectation for one seasonal period, causal: the median of the same phase over the
 * last `cycles` periods of *cleaned, level-free* history plus a level correction (the median of
 * recent deviations from that seasonal median). A point enters the history clipped to `clip`
 * scales from its expectation, and a spike-sized outlier on a watched side to
 * `admitOutliers x clip`, so a spike cannot become the new normal quickly: a shift of `k` scales needs about
 * `k / (admitOutliers x clip)` half level windows to be absorbed, whereas ordinary noise passes
 * unchanged. The history keeps each point less the level correction of its time: were the level
 * kept in it too, the seasonal median would take in a shift a second time once it had been in the
 * history for half the cycles, and the expectation overshot (12x on a 6x three-week block).
 * Memory: `period x cycles + levelSteps + scaleWindowSteps` numbers, whatever the stream length.
 */
export class SeasonalTrack {
  readonly period: number;
  private readonly history: RingBuffer;
  private readonly deviations: RingBuffer;
  private readonly phaseScratch: Float64Array;
  private readonly levelScratch: Float64Array;
  private readonly scale: ResidualScale;
  private level = 0;
  private steps = 0;
  private readonly levelEvery: number;
  private readonly initSteps: number;
  private error = Number.NaN;
  private errorCount = 0;

  constructor(private readonly options: SeasonalTrackOptions) {
    const { period, cycles, levelSteps } = options;
    this.period = period;
    this.history = new RingBuffer(period * cycles);
    this.deviations = new RingBuffer(levelSteps);
    this.phaseScratch = new Float64Array(cycles);
    this.levelScratch = new Float64Array(levelSteps);
    // The first scale comes from this many residuals with seasonal history behind them.
    this.initSteps = Math.max(3, Math.ceil(options.warmupSteps / 4));
    this.scale = new ResidualScale({
      initSteps: this.initSteps,
      quietSteps: options.quietSteps,
      windowSteps: options.scaleWindowSteps,
      alpha: options.alpha,
    });
    // The level median moves slowly; at fine steps recomputing it ~48 times per window is as good
    // as every step and keeps the cost per point flat.
    this.levelEvery = Math.max(1, Math.floor(levelSteps / 48));
  }

  /** True once one full period of history is held and the scale is initialised: the track can score. */
  get usable(): boolean {
    return this.history.size >= this.period && !Number.isNaN(this.scale.variance);
  }

  /**
   * How well this period explains the series: the exponentially weighted mean absolute residual
   * (capped at 10 scales, so one spike does not decide) of the points given to
   * {@link SeasonalTrack.recordFit}, NaN before enough. Tracks compete on it.
   */
  get fitError(): number {
    return this.errorCount >= this.initSteps ? this.error : Number.NaN;
  }

  /** Current residual variance (NaN before initialisation). */
  get residualVariance(): number {
    return this.scale.variance;
  }

  /**
   * Score `y` (NaN for a missing or filled point) and learn from it. `floor` is the smallest
   * scale allowed for this point; an outlier at least `spikeSize` from its expectation is a spike
   * (see `admitOutliers`), a smaller one a drift to follow.
   */
  step(y: number, floor: number, spikeSize: number): TrackStep {
    let seasonal = Number.NaN;
    let k = 0;
    for (let c = 1; c <= this.options.cycles; c++) {
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
    const rawScale = Math.sqrt(this.scale.variance);
    const scale = Number.isNaN(rawScale) ? Number.NaN : Math.max(rawScale, floor);
    const residual = y - expected;
    let fitResidual = Number.NaN;
    let outlier = false;

    let cleaned: number;
    if (Number.isNaN(y)) {
      cleaned = expected;
    } else if (Number.isNaN(expected)) {
      cleaned = y;
    } else {
      const limit = Number.isNaN(scale) ? Number.POSITIVE_INFINITY : this.options.clip * scale;
      cleaned = expected + this.admitted(residual, limit, spikeSize);
      outlier = Math.abs(residual) > limit;
      if (k > 0) {
        const variance = this.scale.variance;
        if (!Number.isNaN(variance)) fitResidual = Math.min(Math.abs(residual), 10 * Math.sqrt(variance));
        this.scale.learn(residual, limit);
      }
    }
    if (!Number.isNaN(cleaned)) {
      // The history is level-free (see the class comment); the deviations carry the level.
      this.history.push(Number.isNaN(seasonal) ? cleaned : cleaned - level);
      if (!Number.isNaN(seasonal)) this.deviations.push(cleaned - seasonal);
    }
    return { expected, residual, scale, fitResidual, outlier };
  }

  /**
   * Add a point's `fitResidual` (from {@link SeasonalTrack.step}) to the fit record; NaN adds
   * nothing. The caller decides which points count: the detector core leaves out the points of a
   * sustained spike (its chosen track's outliers past the first day of a run), in which the track
   * that takes the spike in fastest would look best.
   */
  recordFit(fitResidual: number): void {
    if (Number.isNaN(fitResidual)) return;
    const a = this.options.alpha;
    this.error = Number.isNaN(this.error) ? fitResidual : (1 - a) * this.error + a * fitResidual;
    this.errorCount++;
  }

  /** What of a residual enters the history: clipped, and a spike-sized outlier on a watched side shrunk. */
  private admitted(residual: number, limit: number, spikeSize: number): number {
    const { admitOutliers, watched } = this.options;
    if (residual > limit) return residual > spikeSize ? admitOutliers * limit : limit;
    if (residual < -limit) return (watched === 'both' && -residual > spikeSize ? admitOutliers : 1) * -limit;
    return residual;
  }
}
