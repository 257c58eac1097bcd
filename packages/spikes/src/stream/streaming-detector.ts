import type { SpikeType } from '@cdf/core';
import { classifySpike, DEFAULT_SPIKE_RULES, type SpikeRuleThresholds } from '../classify/spike-rules.ts';
import { DEFAULT_SENSITIVITY } from '../detect/anomaly-detector.ts';
import { DetectorCore } from '../detect/detector-core.ts';
import { type DetectorParamsInput, resolveDetectorParams } from '../detect/detector-params.ts';
import { thresholdOfSensitivity } from '../detect/ensemble-score.ts';

/** One observation fed to {@link StreamingDetector.update}. */
export interface StreamPoint {
  /** The value (NaN or absent: missing, never flagged). */
  value: number;
  /** True when the point was filled in rather than observed: never flagged. */
  filled?: boolean;
  /** Mean tokens per request at this step, when known (helps tell abuse from launches). */
  avgTokensPerRequest?: number;
}

/** The streaming verdict on one point. */
export interface StreamVerdict {
  /**
   * Calibrated 0..1 score, identical to the batch detector's on the same data; 0 inside the
   * warm-up until its last point, whose verdict carries the warm-up's (`warmup`).
   */
  score: number;
  isAnomaly: boolean;
  /** Robust expected value. */
  expected: number;
  /** Provisional type of the ongoing spike, from its shape so far (the batch types the whole event). */
  spikeType?: SpikeType;
  /**
   * Given once, with the verdict on the warm-up's last point: the verdicts on every warm-up
   * point, which could not be scored as they came (no seasonal history yet) and are judged now
   * against the warm-up's median day (see `DetectorCore.lateWarmup`). They equal the batch
   * detector's on those points. Untyped: the batch types the events they belong to.
   */
  warmup?: WarmupVerdicts;
}

/** The late verdicts on the warm-up points, in order (index 0 = the stream's first point). */
export interface WarmupVerdicts {
  scores: Float64Array;
  isAnomaly: Uint8Array;
  expected: Float64Array;
}

/** Options of {@link StreamingDetector}. */
export interface StreamingDetectorOptions {
  /** The series step in ms (windows are durations). */
  stepMs: number;
  /** Scoring parameters, as for the batch detector. */
  params?: DetectorParamsInput;
  /** 0..1, default 0.5. */
  sensitivity?: number;
  /** Classification thresholds. */
  rules?: Partial<SpikeRuleThresholds>;
}

/**
 * Detect anomalies one point at a time with bounded memory: ring buffers sized by the parameters'
 * durations, nothing that grows with the stream. It runs the same causal core as the batch
 * detector, so scores and verdicts are bit-for-bit the batch ones on the same data (the warm-up's
 * arrive together, with the verdict on its last point).
 *
 * @example
 * const detector = new StreamingDetector({ stepMs: 3_600_000 });
 * for (const value of live) {
 *   const { score, isAnomaly, spikeType } = detector.update({ value });
 * }
 */
export class StreamingDetector {
  private readonly core: DetectorCore;
  private readonly threshold: number;
  private readonly rules: SpikeRuleThresholds;
  private readonly stepHours: number;
  private readonly tokenAlpha: number;
  private tokensTypical = Number.NaN;
  private run: { steps: number; onset: number; peak: number; tokenSum: number; tokenCount: number } | null =
    null;

  constructor(options: StreamingDetectorOptions) {
    const params = resolveDetectorParams(options.params ?? {}, options.stepMs);
    this.core = new DetectorCore(params);
    this.threshold = thresholdOfSensitivity(options.sensitivity ?? DEFAULT_SENSITIVITY);
    this.rules = { ...DEFAULT_SPIKE_RULES, ...(options.rules ?? {}) };
    this.stepHours = options.stepMs / 3_600_000;
    this.tokenAlpha = params.scaleAlpha;
  }

  /** Points seen so far. */
  get count(): number {
    return this.core.count;
  }

  /** Score the next point from the past only, then learn from it. */
  update(point: StreamPoint): StreamVerdict {
    const value = point.value ?? Number.NaN;
    const filled = point.filled === true;
    const out = this.core.step(value, filled);
    const index = this.core.count - 1;
    const late = index === this.core.params.warmupSteps - 1 ? this.core.lateWarmup : null;
    const score = late === null ? out.score : late.score[index]!;
    const expected = late === null ? out.expected : late.expected[index]!;
    const verdict: StreamVerdict = { score, isAnomaly: this.flags(score, filled), expected };
    if (late !== null) {
      // A filled warm-up point reached the core as missing, so its late score is 0: never flagged.
      const isAnomaly = Uint8Array.from(late.score, (s) => (this.flags(s, false) ? 1 : 0));
      verdict.warmup = { scores: late.score, isAnomaly, expected: late.expected };
    }
    const tokens = point.avgTokensPerRequest;
    if (!verdict.isAnomaly) {
      this.run = null;
      if (tokens !== undefined && Number.isFinite(tokens)) this.learnTokens(tokens);
      return verdict;
    }
    const ratio = verdict.expected > 0 && value > 0 ? value / verdict.expected : 1;
    if (this.run === null) this.run = { steps: 0, onset: ratio, peak: ratio, tokenSum: 0, tokenCount: 0 };
    const run = this.run;
    run.steps++;
    run.peak = Math.max(run.peak, ratio);
    if (tokens !== undefined && Number.isFinite(tokens)) {
      run.tokenSum += tokens;
      run.tokenCount++;
    }
    const excess = run.peak - 1;
    const tokenRatio =
      run.tokenCount > 0 && this.tokensTypical > 0
        ? run.tokenSum / run.tokenCount / this.tokensTypical
        : undefined;
    verdict.spikeType = classifySpike(
      {
        durationHours: run.steps * this.stepHours,
        magnitude: run.peak,
        onsetShare: excess > 0 ? (run.onset - 1) / excess : 1,
        ...(tokenRatio === undefined ? {} : { tokenRatio }),
        overlapsPlannedEvent: false,
      },
      this.rules,
    );
    return verdict;
  }

  private flags(score: number, filled: boolean): boolean {
    return score > 0 && score >= this.threshold && !filled;
  }

  private learnTokens(tokens: number): void {
    const a = this.tokenAlpha;
    this.tokensTypical = Number.isNaN(this.tokensTypical)
      ? tokens
      : (1 - a) * this.tokensTypical + a * tokens;
  }
}
