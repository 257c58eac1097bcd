import { CdfError, CdfErrorCode } from '@cdf/core';
import { z } from 'zod';
import { durationSteps, parseParams } from '../detect/detector-params.ts';

const duration = z.union([z.number().int().positive(), z.string().min(1)]);

/**
 * Parameters of the change detector ({@link ChangeDetector}). The defaults are the one
 * configuration measured on the whole NAB corpus (README): durations are turned into steps of the
 * series, counts (`shortWindows`, `contexts`, `smoothing`) are points.
 */
export const ChangeParamsSchema = z.object({
  /** Window just before the recent points that stands for "normal" in the level-shift statistic. Default 1 day. */
  reference: duration.default('1d'),
  /** Recent points whose mean is compared with the reference (1 = a point outlier). Default 1, 8, 32. */
  shortWindows: z.array(z.number().int().min(1).max(4096)).min(1).default([1, 8, 32]),
  /** Recent points whose spread (sd) is ranked against its own past (the volatility statistic); `[]` for none. Default 12. */
  volatilityWindows: z.array(z.number().int().min(2).max(4096)).default([12]),
  /** Seasonal lag of the second level-shift statistic (on `value - value one season ago`); `0` for none. Default 1 day. */
  season: z.union([duration, z.literal(0)]).default('1d'),
  /** History whose range sets the bins of the context statistic (nothing scored before). Default 1 day. */
  learn: duration.default('1d'),
  /** Equal bins over the learnt range. Default 6. */
  bins: z.number().int().min(2).max(15).default(6),
  /** Lengths of the symbol sequences counted by the context statistic. Default 1, 3, 6. */
  contexts: z.array(z.number().int().min(1).max(8)).min(1).default([1, 3, 6]),
  /** Points over which the context novelty is averaged. Default 10. */
  smoothing: z.number().int().min(1).max(10_000).default(10),
  /** Past values of each statistic kept to rank a new one (bounds memory). Default 20,000. */
  history: z.number().int().min(50).max(1_000_000).default(20_000),
  /** Decades of improbability that take the score a tenth of the way left to 1 (`1 - 10^(-D / this)`). Default 4. */
  scoreDecades: z.number().positive().default(4),
  /** A score at least this high is an alarm, and starts a `refractory` period of silence. Default 0.68. */
  alarmScore: z.number().min(0).max(1).default(0.68),
  /** After an alarm, scores are 0 for this long: one alarm per change, not one per step. `0` for none. Default 12 hours. */
  refractory: z.union([duration, z.literal(0)]).default('12h'),
});
/** Change-detector parameters as given. */
export type ChangeParamsInput = z.input<typeof ChangeParamsSchema>;
/** Change-detector parameters with defaults filled in. */
export type ChangeParams = z.output<typeof ChangeParamsSchema>;

/** {@link ChangeParams} with every duration in steps of one series. */
export interface ResolvedChangeParams extends ChangeParams {
  referenceSteps: number;
  seasonSteps: number;
  learnSteps: number;
  refractorySteps: number;
}

/** Parse and resolve change-detector parameters for a series step; bad ones throw CdfError `INVALID_CONFIG`. */
export function resolveChangeParams(params: unknown, stepMs: number): ResolvedChangeParams {
  if (!Number.isFinite(stepMs) || stepMs <= 0) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'the series step must be a positive number of ms', {
      column: 'stepMs',
      value: String(stepMs),
      expected: 'the step of the series in milliseconds, e.g. 300000 for 5 min',
    });
  }
  const p = parseParams(ChangeParamsSchema, params, 'change detector');
  const season = p.season === 0 ? 0 : durationSteps('season', p.season, stepMs, 0);
  return {
    ...p,
    referenceSteps: durationSteps('reference', p.reference, stepMs, 10),
    seasonSteps: season >= 2 ? season : 0,
    learnSteps: durationSteps('learn', p.learn, stepMs, 10),
    refractorySteps: p.refractory === 0 ? 0 : durationSteps('refractory', p.refractory, stepMs, 0),
  };
}
