import { CdfErrorCode, validate } from '@cdf/core';
import { type GbdtParamsInput, GbdtParamsSchema } from '@cdf/gbdt';
import { z } from 'zod';
import { DEFAULT_LEFT_OUT_FEATURES } from './spike-model-features.ts';

/**
 * Default training horizons (steps): every step to 12, every 3 to 24, every 6 to 48, then every
 * 12 to 168. `horizon_hours` is a feature, so the model serves the horizons in between; short
 * horizons, where the signal is, get most rows.
 */
export const DEFAULT_TRAINING_HORIZONS: readonly number[] = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 18, 21, 24, 30, 36, 42, 48, 60, 72, 84, 96, 108, 120, 132, 144,
  156, 168,
];

/** GBDT settings of the spike classifier unless overridden. */
export const CLASSIFIER_DEFAULTS: Readonly<GbdtParamsInput> = {
  iterations: 150,
  maxDepth: 5,
  eta: 0.08,
  minChildWeight: 2,
};
/** GBDT settings of the magnitude regressor unless overridden. */
export const MAGNITUDE_DEFAULTS: Readonly<GbdtParamsInput> = {
  iterations: 150,
  maxDepth: 4,
  eta: 0.08,
  minChildWeight: 2,
};

/** Parameters of `fitSpikePredictor`; every field has a default. */
export const SpikePredictorParamsSchema = z
  .object({
    /** Longest horizon served, in steps. Default 168 (a week of hours). */
    horizons: z.number().int().min(1).max(10_000).default(168),
    /** Training horizons (steps, each <= `horizons`); default {@link DEFAULT_TRAINING_HORIZONS} capped at `horizons`. */
    trainingHorizons: z.array(z.number().int().min(1)).min(1).optional(),
    /** Every `originStride`-th point is a training origin (counted back from the latest). Default 7. */
    originStride: z.number().int().min(1).default(7),
    /** Share of the latest origins held out to calibrate the probabilities (time-ordered). Default 0.2. */
    holdoutFraction: z.number().gt(0).lt(0.9).default(0.2),
    /** `isotonic` (default) or `platt`. */
    calibration: z.enum(['isotonic', 'platt']).default('isotonic'),
    /**
     * Rows whose target hour lies inside a planned event: `learn` (default) trains on them like
     * any other, so the probability covers planned launches too; `skip` leaves them out of the
     * classifier, its calibration and the magnitude regressor, so the model learns the spikes no
     * plan announces, and on a planned hour says what it would say on an ordinary one. `cdf
     * forecast` uses `skip`: its baseline already carries the plan (see the package README).
     */
    plannedHours: z.enum(['learn', 'skip']).default('learn'),
    /** Seed of every random choice. Default 42. */
    seed: z.number().int().min(0).default(42),
    /**
     * Train the classifier and the magnitude regressor at once in two worker threads. Default
     * false: measured on the 2-core machine (measure-parallel-fit.ts) it was not faster.
     */
    parallel: z.boolean().default(false),
    /** Hyperparameters of the spike classifier, over {@link CLASSIFIER_DEFAULTS}. */
    classifier: GbdtParamsSchema.partial().default({}),
    /** Hyperparameters of the magnitude regressor, over {@link MAGNITUDE_DEFAULTS}. */
    magnitude: GbdtParamsSchema.partial().default({}),
    /**
     * Cap (hours) on the `hours_since_anomaly` feature, at fit and predict time. Default 168 (a
     * week): quiet stretches longer than this are too few in a history to learn a hazard from
     * (see the package README, "Long quiet windows").
     */
    hoursSinceCap: z.number().positive().default(168),
    /**
     * Cap (hours) on the hours since the latest planned-event start and until the next one, at
     * fit and predict time; `null`: no cap (models saved before it existed load with `null`).
     * Default 48: further from a launch the distance is only a date the tree learns the
     * history's spikes by (see `capPlannedDistance` and the package README).
     */
    plannedDistanceCap: z.number().positive().nullable().default(48),
    /**
     * At an origin inside a spike, raise each step's probability to at least the chance that the
     * spike lasts that long, from the lengths of the history's own spikes
     * (`ongoingSpikeProbability`). Default true: the classifier learns the detector's verdicts,
     * which leave a spike's tail unflagged, and gave the next hours of a viral event under way a
     * mean 0.45 where 97% were still spike hours (see the package README).
     */
    ongoingSpikes: z.boolean().default(true),
    /**
     * Feature columns the spike models do not see, at fit and predict time (`spikeModelFeatures`).
     * Default {@link DEFAULT_LEFT_OUT_FEATURES}: the month of the year, of the origin and of the
     * target hour, which a tree fits to the dates of the history's few spikes. `WEEKDAY_FEATURES`
     * and `SPIKE_MONTH_FEATURES` are candidates measured in the package README. Models saved
     * before this existed left out the month, and load so.
     */
    leftOutFeatures: z.array(z.string().min(1)).default(() => [...DEFAULT_LEFT_OUT_FEATURES]),
    /** Cap on training rows (origins x horizons). Default 400,000. */
    maxRows: z.number().int().min(1).default(400_000),
  })
  .strict();
/** Parsed parameters. */
export type SpikePredictorParams = z.output<typeof SpikePredictorParamsSchema>;
/** Parameters as a caller writes them. */
export type SpikePredictorParamsInput = z.input<typeof SpikePredictorParamsSchema>;

/** Parse parameters; throws a SchemaError (INVALID_CONFIG) naming the bad field. */
export function resolveSpikePredictorParams(params: unknown): SpikePredictorParams {
  return validate(SpikePredictorParamsSchema, params ?? {}, {
    what: 'spike predictor parameters',
    code: CdfErrorCode.InvalidConfig,
  });
}

/** The training horizons for `params`, ascending, each within `params.horizons`. */
export function trainingHorizonsOf(params: SpikePredictorParams): number[] {
  const list = params.trainingHorizons ?? DEFAULT_TRAINING_HORIZONS;
  const kept = [...new Set(list.filter((h) => h <= params.horizons))].sort((a, b) => a - b);
  if (!kept.includes(params.horizons)) kept.push(params.horizons);
  return kept;
}
