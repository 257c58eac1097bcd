import { medianInPlace } from '@cdf/core';
import { IsolationForest } from '../forest/isolation-forest.ts';
import { lowerBound } from '../kernels/lower-bound.ts';
import { normalTailDecades } from '../kernels/normal-tail.ts';
import { RingBuffer } from '../kernels/ring-buffer.ts';
import type { ResolvedDetectorParams } from './detector-params.ts';
import { combineDecades, scoreOfDecades } from './ensemble-score.ts';
import { MAD_TO_SIGMA } from './residual-scale.ts';
import { SeasonalTrack, type TrackStep } from './seasonal-track.ts';
import { capWarmup, type WarmupProfile, warmupProfile } from './warmup-spikes.ts';

/** What the core says about one point: the expectation, each detector's statistic and tail, the score. */
export interface CoreStep {
  /** Robust expected value in the series' units (the value itself during warm-up). */
  expected: number;
  /** Robust z of the residual from the baseline (0 without a verdict). */
  z: number;
  /** Robust z of the change of the residual since the previous step. */
  rateOfChange: number;
  /** Isolation-forest score `2^(-E h / c(psi))` (NaN before the forest is trained). */
  forest: number;
  /** Improbability under ordinary behaviour of each detector, in decades (`-log10 p`; 0 = nothing unusual). */
  decadesZ: number;
  decadesRate: number;
  decadesForest: number;
  /** Ensemble score 0..1 (see ensemble-score.ts); 0 for missing, filled and warm-up points. */
  score: number;
}

/**
 * The verdicts on the warm-up, given once it is over (see {@link DetectorCore.lateWarmup}): per
 * warm-up point, the same columns as a {@link CoreStep}.
 */
export interface LateWarmup {
  expected: Float64Array;
  z: Float64Array;
  decadesZ: Float64Array;
  score: Float64Array;
}

const FEATURE_CLAMP = 30;
/** Most feature rows kept to train the forest, whatever the training duration. */
export const MAX_FOREST_TRAINING = 4096;

const NEUTRAL = {
  z: 0,
  rateOfChange: 0,
  forest: Number.NaN,
  decadesZ: 0,
  decadesRate: 0,
  decadesForest: 0,
  score: 0,
};

/**
 * The causal kernel every detector shares: it sees one point at a time, scores it from the past
 * only, then learns from it. The batch detector runs it over a series and the streaming detector
 * feeds it point by point, so both give bit-identical scores. Memory is bounded by the parameters
 * (seasonal history, level window, forest training set), never by the stream length.
 */
export class DetectorCore {
  private readonly warmupValues: Float64Array;
  private seen = 0;
  private offset = Number.NaN;
  private tracks: SeasonalTrack[] = [];
  private readonly lastResidual: Float64Array;
  private rateVariance = Number.NaN;
  private rateCount = 0;
  private readonly rateInit: Float64Array;
  private levelAbs = Number.NaN;
  private readonly shortZ: RingBuffer;
  private shortSum = 0;
  private training: Float64Array[] | null = [];
  private trainingTarget: number;
  private forest: IsolationForest | null = null;
  private forestTrainScores: Float64Array | null = null;
  private readonly uses: { z: boolean; rate: boolean; forest: boolean };
  /** Consecutive outliers of the chosen track so far (see `stepTracks`). */
  private outlierRun = 0;
  private readonly shortestPeriod: number;
  private late: LateWarmup | null = null;

  constructor(readonly params: ResolvedDetectorParams) {
    this.warmupValues = new Float64Array(params.warmupSteps);
    this.lastResidual = new Float64Array(params.periodSteps.length).fill(Number.NaN);
    this.shortZ = new RingBuffer(params.shortSteps);
    this.rateInit = new Float64Array(params.warmupSteps);
    this.trainingTarget = Math.min(params.forestTrainingSteps, MAX_FOREST_TRAINING);
    this.shortestPeriod = Math.min(...params.periodSteps);
    this.uses = {
      z: params.ensemble.includes('robust_z'),
      rate: params.ensemble.includes('rate_of_change'),
      forest: params.ensemble.includes('isolation_forest'),
    };
  }

  /** Points seen so far. */
  get count(): number {
    return this.seen;
  }

  /**
   * The warm-up's own verdicts, null until it is over. While it lasts no point can be scored (no
   * track has a history), so a burst in the first week went unseen whatever its size (7 of the
   * 14 viral events still missed on 45 synthetic seeds). Once the warm-up is complete each of its
   * points is judged against the warm-up's median day at that hour (`warmupProfile`): a rise of
   * more than `clip` scales of the within-cycle noise, and at least 1.5x, scores as a robust z
   * would, the rest 0. Log transform only (null otherwise), and only with three or more cycles of
   * the shortest period in the warm-up. The batch detector writes these into its first points; the streaming
   * detector hands them over with the verdict on the warm-up's last point.
   */
  get lateWarmup(): LateWarmup | null {
    return this.late;
  }

  /** Score the next point (`missing`: filled or unobserved; NaN values count as missing), then learn from it. */
  step(value: number, missing: boolean): CoreStep {
    const observed = !missing && Number.isFinite(value);
    const v = observed ? value : Number.NaN;
    const index = this.seen++;
    if (index < this.params.warmupSteps) {
      this.warmupValues[index] = v;
      if (index === this.params.warmupSteps - 1) this.startTracks();
      return { expected: observed ? value : Number.NaN, ...NEUTRAL };
    }
    return this.scorePoint(v);
  }

  private startTracks(): void {
    const p = this.params;
    const scratch = new Float64Array(this.warmupValues.length);
    let n = 0;
    for (const v of this.warmupValues) if (!Number.isNaN(v)) scratch[n++] = Math.abs(v);
    const typical = n > 0 ? medianInPlace(scratch, n) : 0;
    // asinh(v / offset) is log-like above the offset and linear (sign-safe) near zero.
    this.offset = typical > 0 ? 0.1 * typical : 1;
    const transformed = Float64Array.from(this.warmupValues, (v) => this.transform(v));
    // The cut works on log ratios; on raw values (`transform: 'none'`) the warm-up is learnt as it is.
    const fit =
      p.transform === 'log' ? warmupProfile(transformed, this.shortestPeriod, p.clip, this.floor()) : null;
    const warmup = fit === null ? transformed : capWarmup(transformed, fit);
    if (fit !== null) this.late = this.judgeWarmup(transformed, fit);
    this.tracks = p.periodSteps.map(
      (period) =>
        new SeasonalTrack({
          period,
          cycles: p.seasonCycles,
          levelSteps: p.levelSteps,
          clip: p.clip,
          admitOutliers: p.admitOutliers,
          watched: p.direction,
          alpha: p.scaleAlpha,
          warmupSteps: p.warmupSteps,
          quietSteps: p.shortSteps,
          scaleWindowSteps: p.scaleWindowSteps,
        }),
    );
    for (const y of warmup) this.learnOnly(y);
  }

  private judgeWarmup(transformed: Float64Array, fit: WarmupProfile): LateWarmup {
    const n = transformed.length;
    const period = fit.profile.length;
    const late: LateWarmup = {
      expected: Float64Array.from(this.warmupValues),
      z: new Float64Array(n),
      decadesZ: new Float64Array(n),
      score: new Float64Array(n),
    };
    // Only the robust z speaks for a warm-up point; the others say nothing (0 decades).
    const silent = new Array<number>(Object.values(this.uses).filter(Boolean).length - 1).fill(0);
    // Judged against the within-cycle noise, not the cut's scale, which whole days off the median
    // day inflate; a rise under 1.5x is never a warm-up spike, as for the cut.
    for (let i = 0; i < n; i++) {
      const rise = transformed[i]! - fit.profile[i % period]!;
      if (!(rise > fit.noiseRise)) continue;
      const z = rise / fit.noise;
      const decades = this.uses.z ? decadesOf(z, true) : 0;
      late.expected[i] = this.inverse(fit.profile[i % period]!);
      late.z[i] = z;
      late.decadesZ[i] = decades;
      late.score[i] = scoreOfDecades(combineDecades([decades, ...silent]), this.params.scoreHalvingDecades);
    }
    return late;
  }

  private transform(v: number): number {
    if (Number.isNaN(v)) return v;
    return this.params.transform === 'log' ? Math.asinh(v / this.offset) : v;
  }

  private inverse(y: number): number {
    return this.params.transform === 'log' ? this.offset * Math.sinh(y) : y;
  }

  private floor(): number {
    const rel = this.params.minRelativeScale;
    if (this.params.transform === 'log') return Math.max(rel, 1e-9);
    return Math.max(rel * (Number.isNaN(this.levelAbs) ? 0 : this.levelAbs), 1e-9);
  }

  /** The smallest residual that is a spike (`spikeRatio`): a log ratio, or a share of the level. */
  private spikeSize(): number {
    const ratio = this.params.spikeRatio;
    if (this.params.transform === 'log') return Math.log(ratio);
    return (ratio - 1) * (Number.isNaN(this.levelAbs) ? 0 : this.levelAbs);
  }

  private learnOnly(y: number): void {
    this.stepTracks(y, this.chooseTrack());
    this.learnLevel(y);
  }

  /**
   * Step every track on `y` and keep their fit records. Once the `chosen` track has seen outliers
   * for longer than the shortest period in a row (a launch, a viral event: not the Monday
   * morning a daily track always misses), the points are left out of every record until it sees
   * an inlier again. Counting them let the track that absorbed a launch faster (the daily one,
   * with its wider scale) win the competition and keep it for the weeks after, when that scale
   * hid the next spike (seed 41: a 3.9x viral event three days after a 6.6x launch went unseen).
   */
  private stepTracks(y: number, chosen: number): TrackStep[] {
    const floor = this.floor();
    const spikeSize = this.spikeSize();
    const outs = this.tracks.map((track) => track.step(y, floor, spikeSize));
    this.outlierRun = outs[chosen]?.outlier ? this.outlierRun + 1 : 0;
    const sustained = this.outlierRun > this.shortestPeriod;
    for (let t = 0; t < outs.length; t++) {
      this.lastResidual[t] = outs[t]!.residual;
      if (!sustained) this.tracks[t]!.recordFit(outs[t]!.fitResidual);
    }
    return outs;
  }

  private learnLevel(y: number): void {
    if (Number.isNaN(y)) return;
    const a = this.params.scaleAlpha;
    this.levelAbs = Number.isNaN(this.levelAbs) ? Math.abs(y) : (1 - a) * this.levelAbs + a * Math.abs(y);
  }

  private scorePoint(v: number): CoreStep {
    const y = this.transform(v);
    const chosen = this.chooseTrack();
    const previous = this.lastResidual[chosen]!;
    const { residual, scale, expected } = this.stepTracks(y, chosen)[chosen]!;
    this.learnLevel(y);
    const ready = this.tracks[chosen]!.usable;
    const expectedValue = Number.isNaN(expected) ? v : this.inverse(expected);
    if (Number.isNaN(y) || Number.isNaN(residual) || Number.isNaN(scale) || !ready) {
      this.pushShort(0);
      return { expected: expectedValue, ...NEUTRAL };
    }
    const z = residual / scale;
    // The move away from the expectation since the previous step: a recovery towards it (the
    // day after a holiday dip) is no onset.
    const moved = Number.isNaN(previous) || previous * residual <= 0 ? residual : residual - previous;
    const rateOfChange = this.rateZ(moved, scale);
    this.pushShort(clamp(z));
    const features = Float64Array.of(clamp(z), clamp(rateOfChange), this.shortSum / this.shortZ.size);
    const forest = this.forestScore(features);

    const up = this.params.direction === 'up';
    const decadesZ = decadesOf(z, up);
    const decadesRate = decadesOf(rateOfChange, up);
    // Looking only for rises, a point below its expectation is never unusual to the forest either.
    const decadesForest = Number.isNaN(forest) || (up && z <= 0) ? 0 : -Math.log10(this.forestTail(forest));
    const decades: number[] = [];
    if (this.uses.z) decades.push(decadesZ);
    if (this.uses.rate) decades.push(decadesRate);
    if (this.uses.forest) decades.push(decadesForest);
    return {
      expected: expectedValue,
      z,
      rateOfChange,
      forest,
      decadesZ,
      decadesRate,
      decadesForest,
      score: scoreOfDecades(combineDecades(decades), this.params.scoreHalvingDecades),
    };
  }

  /** The usable track that has fitted best so far (lowest running mean absolute residual; causal). */
  private chooseTrack(): number {
    let chosen = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let t = 0; t < this.tracks.length; t++) {
      const track = this.tracks[t]!;
      const error = track.fitError;
      if (track.usable && error < best) {
        best = error;
        chosen = t;
      }
    }
    if (chosen >= 0) return chosen;
    // No track has a fit record yet: the first usable one.
    const usable = this.tracks.findIndex((t) => t.usable);
    return Math.max(usable, 0);
  }

  private rateZ(delta: number, residualScale: number): number {
    if (Number.isNaN(delta)) return 0;
    const floor = residualScale * 0.5;
    const current = Math.sqrt(this.rateVariance);
    const scale = Number.isNaN(current) ? Number.NaN : Math.max(current, floor);
    const zr = Number.isNaN(scale) ? 0 : delta / scale;
    const limit = Number.isNaN(scale) ? Number.POSITIVE_INFINITY : this.params.clip * scale;
    this.rateCount++;
    if (this.rateCount <= this.params.warmupSteps) {
      this.rateInit[this.rateCount - 1] = Math.abs(delta);
      if (this.rateCount === this.params.warmupSteps) {
        const mad = medianInPlace(this.rateInit, this.rateCount) / MAD_TO_SIGMA;
        this.rateVariance = mad * mad;
      }
    } else if (Math.abs(delta) <= limit) {
      const a = this.params.scaleAlpha;
      this.rateVariance = (1 - a) * this.rateVariance + a * delta * delta;
    }
    return zr;
  }

  private pushShort(z: number): void {
    if (this.shortZ.size === this.shortZ.capacity) this.shortSum -= this.shortZ.ago(this.shortZ.capacity);
    this.shortZ.push(z);
    this.shortSum += z;
  }

  private forestScore(features: Float64Array): number {
    if (!this.uses.forest) return Number.NaN;
    if (this.forest) return this.forest.score(features);
    const training = this.training;
    if (training === null) return Number.NaN;
    training.push(features);
    if (training.length >= this.trainingTarget) {
      const p = this.params;
      this.forest = IsolationForest.fit(training, {
        trees: p.forestTrees,
        subsample: p.forestSubsample,
        seed: p.seed,
      });
      const scores = Float64Array.from(training, (row) => this.forest!.score(row)).sort();
      this.forestTrainScores = scores;
      this.training = null;
    }
    return Number.NaN;
  }

  /** Share of training points scoring at least `score`, with add-one smoothing. */
  private forestTail(score: number): number {
    const sorted = this.forestTrainScores!;
    return (sorted.length - lowerBound(sorted, score) + 1) / (sorted.length + 1);
  }
}

function clamp(x: number): number {
  return Math.max(-FEATURE_CLAMP, Math.min(FEATURE_CLAMP, x));
}

/** Improbability (decades) of `z` under a standard normal: upper tail, or both tails. */
function decadesOf(z: number, up: boolean): number {
  if (up) return normalTailDecades(z);
  return Math.max(0, normalTailDecades(Math.abs(z)) - Math.LOG10E * Math.LN2);
}
