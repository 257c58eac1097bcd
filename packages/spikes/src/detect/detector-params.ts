import { CdfError, CdfErrorCode, parseDuration } from '@cdf/core';
import { z } from 'zod';

const duration = z.union([z.number().int().positive(), z.string().min(1)]);

/**
 * Parameters of the detectors. Every window is a duration (`'1d'`, `'3h'` or milliseconds), turned
 * into steps at the series' own step, so the same parameters mean the same thing at 5 min and 1 h.
 */
export const DetectorParamsSchema = z.object({
  /** Seasonal periods the robust baseline tries (the one with the lower running error wins). Default 1 day and 1 week. */
  periods: z.array(duration).min(1).default(['1d', '1w']),
  /** Past cycles whose median gives the seasonal expectation. Default 4. */
  seasonCycles: z.number().int().min(1).max(52).default(4),
  /** Window of the median level correction; longer windows absorb persistent shifts more slowly. Default 3 days. */
  levelWindow: duration.default('3d'),
  /**
   * Window of the residual scale: the MAD of the inlier residuals over this window, so the days
   * after a launch cannot inflate it for weeks. `null`: exponential weighting with `scaleHalfLife`.
   * Default 2 weeks.
   */
  scaleWindow: duration.nullable().default('2w'),
  /** Half-life of the running fit error and rate-of-change scale (and of the residual scale when `scaleWindow` is null). Default 3 days. */
  scaleHalfLife: duration.default('3d'),
  /** No verdict before this much history (scores are 0); a week lets the weekly cycle be seen once. Default 1 week. */
  warmup: duration.default('1w'),
  /** Residuals beyond `clip` scales are clipped before they enter the baseline and the scale (robust fit). Default 3. */
  clip: z.number().positive().default(3),
  /**
   * Share of the clip a spike (an outlier in the watched direction at least `spikeRatio` from its
   * expectation) adds to the baseline's history. At 0.5 a 5x launch is taken for the new level half
   * as fast as an ordinary change of level is, so the viral event a few days later is still seen
   * against the level before the launch. 1: the whole clip, as for any other residual. Default 0.5.
   */
  admitOutliers: z.number().min(0).max(1).default(0.5),
  /**
   * Smallest outlier that counts as a spike for `admitOutliers`, as a ratio to its expectation
   * (`transform: 'none'`: `1 + share of the level`). Smaller outliers enter at the whole clip, so a
   * slow drift at one hour of a very regular series is followed, not flagged for ever. Default 1.25.
   */
  spikeRatio: z.number().gt(1).default(1.25),
  /**
   * Smallest residual scale, as a share of the level (log transform: an absolute log-ratio).
   * At 0.02 a rise must be about 10% to be flagged, however regular the series. Default 0.02.
   */
  minRelativeScale: z.number().nonnegative().default(0.02),
  /** `up`: only rises are anomalous (spikes); `both`: rises and drops. Default `up`. */
  direction: z.enum(['up', 'both']).default('up'),
  /** `log`: work on log(value + offset), right for multiplicative demand; `none`: raw values. Default `log`. */
  transform: z.enum(['log', 'none']).default('log'),
  /** Window of the short level feature of the isolation forest. Default 6 hours. */
  shortWindow: duration.default('6h'),
  /** Points of history (after warm-up) whose features train the isolation forest. Default 2 weeks. */
  forestTraining: duration.default('2w'),
  /** Trees of the isolation forest. Default 100. */
  forestTrees: z.number().int().min(1).max(1000).default(100),
  /** Subsample per tree. Default 256. */
  forestSubsample: z.number().int().min(2).max(4096).default(256),
  /** Seed of the isolation forest's random choices. Default 42. */
  seed: z.number().int().default(42),
  /** Decades of improbability that halve the score's distance to 1 (see ensemble-score.ts). Default 5. */
  scoreHalvingDecades: z.number().positive().default(5),
  /** Detectors that feed the ensemble. Default all three. */
  ensemble: z
    .array(z.enum(['robust_z', 'rate_of_change', 'isolation_forest']))
    .min(1)
    .default(['robust_z', 'rate_of_change', 'isolation_forest']),
});
/** Detector parameters as given (durations as text or ms). */
export type DetectorParamsInput = z.input<typeof DetectorParamsSchema>;
/** Detector parameters with defaults filled in. */
export type DetectorParams = z.output<typeof DetectorParamsSchema>;

/** {@link DetectorParams} with every duration converted to steps of one series. */
export interface ResolvedDetectorParams extends DetectorParams {
  stepMs: number;
  periodSteps: number[];
  levelSteps: number;
  scaleAlpha: number;
  /** Inliers in the residual-scale window; 0 = exponential weighting. */
  scaleWindowSteps: number;
  warmupSteps: number;
  shortSteps: number;
  forestTrainingSteps: number;
}

/** Parse detector parameters; bad ones throw CdfError `INVALID_CONFIG` naming the field. */
export function parseDetectorParams(params: unknown = {}): DetectorParams {
  return parseParams(DetectorParamsSchema, params, 'detector');
}

/** Parse `params` with a zod `schema`; the first issue throws CdfError `INVALID_CONFIG` naming the field. */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new CdfError(CdfErrorCode.InvalidConfig, `invalid ${what} parameter: ${issue?.message ?? ''}`, {
      column: path,
      expected: `see the ${what} parameter schema`,
    });
  }
  return parsed.data;
}

/** A duration (text or ms) in milliseconds; throws INVALID_CONFIG naming `field`. */
export function durationMs(field: string, value: number | string): number {
  const ms = typeof value === 'number' ? value : parseDuration(value);
  if (ms === undefined) {
    throw new CdfError(CdfErrorCode.InvalidConfig, `invalid duration for "${field}"`, {
      column: field,
      value: String(value),
      expected: 'a duration such as 5min, 6h, 3d, 1w or milliseconds',
    });
  }
  return ms;
}

/** A duration in whole steps of `stepMs` (at least `min`). */
export function durationSteps(field: string, value: number | string, stepMs: number, min = 1): number {
  return Math.max(min, Math.round(durationMs(field, value) / stepMs));
}

/**
 * Resolve parameters for a series step. Periods shorter than 2 steps are dropped (a 1-day period
 * means nothing at a 1-day step); when none is left, a 1-step "period" (the recent past) stands in.
 */
export function resolveDetectorParams(params: unknown, stepMs: number): ResolvedDetectorParams {
  if (!Number.isFinite(stepMs) || stepMs <= 0) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'the series step must be a positive number of ms', {
      column: 'stepMs',
      value: String(stepMs),
    });
  }
  const p = parseDetectorParams(params);
  const periods = p.periods
    .map((d, i) => Math.round(durationMs(`periods.${i}`, d) / stepMs))
    .filter((s) => s >= 2);
  const halfLife = durationSteps('scaleHalfLife', p.scaleHalfLife, stepMs);
  return {
    ...p,
    stepMs,
    periodSteps: periods.length > 0 ? [...new Set(periods)] : [1],
    levelSteps: durationSteps('levelWindow', p.levelWindow, stepMs, 3),
    scaleAlpha: 1 - 0.5 ** (1 / halfLife),
    scaleWindowSteps: p.scaleWindow === null ? 0 : durationSteps('scaleWindow', p.scaleWindow, stepMs, 3),
    warmupSteps: durationSteps('warmup', p.warmup, stepMs, 3),
    shortSteps: durationSteps('shortWindow', p.shortWindow, stepMs),
    forestTrainingSteps: durationSteps('forestTraining', p.forestTraining, stepMs, 16),
  };
}
