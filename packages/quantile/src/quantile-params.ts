import { CdfErrorCode, validate } from '@cdf/core';
import { z } from 'zod';
import { checkBuckets, DEFAULT_HORIZON_BUCKETS } from './horizon-buckets.ts';

/** Hyperparameters of the XGBoost level regressor. */
export const RegressorParamsSchema = z
  .object({
    /** Train the regressor at all; `false` gives a baseline-only point forecast. Default true. */
    enabled: z.boolean().default(true),
    /** Boosting rounds. Default 150. */
    iterations: z.number().int().min(1).max(5000).default(150),
    /** Tree depth. Default 5. */
    maxDepth: z.number().int().min(1).max(16).default(5),
    /** Learning rate. Default 0.08. */
    eta: z.number().gt(0).max(1).default(0.08),
    /**
     * Histogram bins per feature (XGBoost's `max_bin`). The WASM booster's time per round grows
     * with it far more than with rows. Default 256.
     */
    maxBin: z.number().int().min(2).max(1024).default(256),
    /**
     * Bound on training rows: the origin stride is chosen so that origins x training horizons
     * stays under it (the stride is made coprime with 24 so origins visit every hour). Default 40,000.
     */
    maxRows: z.number().int().min(100).default(40_000),
    /**
     * Fewest days of history to use the regressor at all; a shorter series gets the baseline
     * alone (noted). Default 28: on real series under four weeks the blend was worse than the
     * baseline alone (M4 hourly cut to 10-21 days, MASE 4% higher; NAB's hourly series under four
     * weeks, 24% higher), from four weeks on it was better (see the package README).
     */
    minHistoryDays: z.number().min(0).default(28),
    /** Leave out rows whose target is inside a spike, so the regressor learns normal demand. Default true. */
    excludeSpikes: z.boolean().default(true),
    /** Fewest usable rows to train on; with fewer the point forecast is the baseline alone. Default 200. */
    minRows: z.number().int().min(10).default(200),
    /**
     * In the calibration backtest, retrain the regressor only once the history has grown this
     * many steps past its last training (in between, the last model forecasts from the newer
     * history: no look-ahead, a fraction of the cost). 1 retrains at every origin. Default 168.
     */
    refitEvery: z.number().int().min(1).default(168),
    /**
     * Fewest days of history from which the regressor leaves out the month of the year
     * (`SEASON_OF_YEAR_FEATURE_NAMES` of @cdf/features: of the origin and of the target hour), as the spike models
     * do. Once a history holds a year the month recurs, and a tree learns from it on which dates
     * last year's launches fell and forecasts them again (package README). On a shorter history a
     * month is one stretch of time and the feature tells the latest weeks from older ones, so it
     * stays. Default 365; a number past the history's length keeps the month.
     */
    seasonOfYearFromDays: z.number().min(0).default(365),
    /**
     * Features the regressor never sees, at fit and at predict time (with the month, above).
     * Default none. A name the design matrix does not have is an `INVALID_CONFIG` error at fit.
     */
    leftOutFeatures: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** Parameters of the quantile stage; every field has a default. */
export const QuantileParamsSchema = z
  .object({
    /**
     * The baseline's weight in the blended point forecast (`w * baseline + (1 - w) * regressor`):
     * `'learned'` (default) picks it per horizon bucket on the backtest; a number fixes it
     * (the seed system used 0.7).
     */
    baselineWeight: z.union([z.literal('learned'), z.number().min(0).max(1)]).default('learned'),
    /** Weight used when learning has too little data. Default 0.7 (the seed's 70/30 blend). */
    fallbackBaselineWeight: z.number().min(0).max(1).default(0.7),
    /** Horizon bucket upper bounds in steps. Default [6, 24, 72, 168]. */
    horizonBuckets: z
      .array(z.number().int().positive())
      .min(1)
      .default([...DEFAULT_HORIZON_BUCKETS]),
    /**
     * Backtest origins for calibration: the sliding window of the most recent ones. Default 24
     * (with the default stride, about 47 days: long enough to see the platform's bursts at their
     * usual rate, recent enough to track a change of volatility).
     */
    origins: z.number().int().min(1).max(500).default(24),
    /** Steps between backtest origins. Default 47 (coprime with 24: origins visit every hour). */
    originStride: z.number().int().min(1).default(47),
    /**
     * Fewest points of history a backtest origin needs, as a share of the whole history: the
     * models fitted there must be like the final one, fitted on all of it. A model fitted on two
     * days of a month-long series errs far more than the final one, and its residuals widen every
     * interval. When no origin has that much, origins with `horizon` points are used. Default 0.5.
     */
    minHistoryShare: z.number().min(0).max(1).default(0.5),
    /** Fewest residuals per bucket before it borrows from its neighbours. Default 100. */
    minResiduals: z.number().int().min(1).default(100),
    /** Make interval widths non-decreasing across horizon buckets. Default true. */
    monotoneWidth: z.boolean().default(true),
    /**
     * Shrink each bucket's median residual (the bias correction P50 carries) towards 0 unless the
     * calibration origins agree on it (positive-part James-Stein over the origins' own medians;
     * see `shrinkLocation`); the whole distribution moves with it. Default true.
     */
    shrinkBias: z.boolean().default(true),
    /**
     * Floor of the point forecast as a share of the history's recent level (median of its last
     * week), in calibration and assembly alike: a forecast collapsing towards zero would
     * otherwise give log residuals of several units that widen every interval. Default 0.05.
     */
    forecastFloor: z.number().min(0).max(1).default(0.05),
    /** Log-scale spread of a spike's size around the predicted magnitude. Default 0.35. */
    spikeLogSd: z.number().gt(0).max(5).default(0.35),
    /** The XGBoost level regressor. */
    regressor: RegressorParamsSchema.default(RegressorParamsSchema.parse({})),
  })
  .strict();
/** Parsed parameters of the quantile stage. */
export type QuantileParams = z.output<typeof QuantileParamsSchema>;
/** Parameters as a caller writes them. */
export type QuantileParamsInput = z.input<typeof QuantileParamsSchema>;
/** Parsed regressor parameters. */
export type RegressorParams = z.output<typeof RegressorParamsSchema>;

/** Parse stage parameters; throws a SchemaError with code INVALID_CONFIG naming the bad field. */
export function resolveQuantileParams(params: unknown = {}): QuantileParams {
  const parsed = validate(QuantileParamsSchema, params ?? {}, {
    what: 'quantile parameters',
    code: CdfErrorCode.InvalidConfig,
  });
  checkBuckets(parsed.horizonBuckets);
  return parsed;
}
