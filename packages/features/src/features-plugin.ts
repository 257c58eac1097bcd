import {
  CdfError,
  CdfErrorCode,
  type Estimator,
  type FittedModel,
  SAVED_MODEL_SCHEMA_VERSION,
  type SavedModel,
  SavedModelSchema,
  type Series,
  type StagePlugin,
  validate,
} from '@cdf/core';
import { z } from 'zod';
import { computeFeatures } from './compute-features.ts';
import { buildDirectMatrix, type DirectMatrix, type DirectMatrixOptions } from './direct-matrix.ts';
import type { FeatureMatrix } from './feature-matrix.ts';
import type { FeatureOptions } from './feature-options.ts';
import { FEATURE_SPEC } from './feature-spec.ts';
import { holidayCalendar } from './holidays.ts';
import { buildPredictionRows, type PredictionRows, type PredictionRowsOptions } from './prediction-rows.ts';

/** Registry name of the built-in feature stage. */
export const FEATURES_PLUGIN_NAME = '@cdf/features#standard';

/** Parameters of the feature stage, as a config file gives them. */
export const FeatureParamsSchema = z
  .object({
    /** Fraction of a rolling window that must be observed for a statistic; default 0.5. */
    minObservedFraction: z.number().min(0).max(1).default(FEATURE_SPEC.minObservedFraction),
    /** Flag the fixed-date US holidays; default true. */
    usHolidays: z.boolean().default(true),
    /** Extra holidays: `YYYY-MM-DD` or `MM-DD` (every year). */
    customHolidays: z.array(z.string()).default([]),
    /** Provisioned capacity in the target unit, for `utilization`. */
    capacity: z.number().positive().optional(),
  })
  .strict();
/** Parsed feature-stage parameters. */
export type FeatureParams = z.output<typeof FeatureParamsSchema>;

/** Per-call inputs that belong to one series rather than to the stage's parameters. */
export interface SeriesExtras {
  /** Anomaly mask aligned with the series (see {@link FeatureOptions.anomalies}). */
  anomalies?: Uint8Array;
}

/**
 * The feature stage after `fit`. Features learn nothing, so "fitting" only fixes the parameters:
 * the fitted stage saves as its parameters with `state: null` and transforms any series.
 */
export interface FittedFeatures extends FittedModel {
  readonly stage: 'features';
  readonly params: FeatureParams;
  /** Per-origin features of every point (see {@link computeFeatures}). */
  transform(series: Series, extras?: SeriesExtras): FeatureMatrix;
  /** The direct multi-horizon training set (see {@link buildDirectMatrix}). */
  directMatrix(
    series: Series,
    options: Pick<DirectMatrixOptions, 'horizons' | 'origins' | 'plannedEvents' | 'maxRows'> & SeriesExtras,
  ): DirectMatrix;
  /** Rows to predict from (see {@link buildPredictionRows}). */
  predictionRows(
    series: Series,
    options: Pick<PredictionRowsOptions, 'horizons' | 'plannedEvents'> & SeriesExtras,
  ): PredictionRows;
}

/** The unfitted feature stage. */
export type FeaturesEstimator = Estimator<Series, FittedFeatures>;

function featureOptions(params: FeatureParams, extras: SeriesExtras): FeatureOptions {
  return {
    spec: { minObservedFraction: params.minObservedFraction },
    holidays: holidayCalendar({ us: params.usHolidays, custom: params.customHolidays }),
    ...(params.capacity !== undefined ? { capacity: params.capacity } : {}),
    ...(extras.anomalies ? { anomalies: extras.anomalies } : {}),
  };
}

function fitted(params: FeatureParams): FittedFeatures {
  holidayCalendar({ us: params.usHolidays, custom: params.customHolidays }); // reject bad dates now
  return {
    stage: 'features',
    name: FEATURES_PLUGIN_NAME,
    params,
    transform: (series, extras = {}) => computeFeatures(series, featureOptions(params, extras)),
    directMatrix: (series, { anomalies, ...rest }) =>
      buildDirectMatrix(series, { ...rest, ...featureOptions(params, anomalies ? { anomalies } : {}) }),
    predictionRows: (series, { anomalies, ...rest }) =>
      buildPredictionRows(series, { ...rest, ...featureOptions(params, anomalies ? { anomalies } : {}) }),
    toJSON: (): SavedModel => ({
      schemaVersion: SAVED_MODEL_SCHEMA_VERSION,
      stage: 'features',
      name: FEATURES_PLUGIN_NAME,
      params: { ...params },
      state: null,
    }),
  };
}

/**
 * The feature stage as a plug-in (`use: "@cdf/features#featuresPlugin"`). `create` parses the
 * parameters (CdfError INVALID_CONFIG on bad ones); `fit` has nothing to learn and resolves at
 * once to a {@link FittedFeatures}; `load` restores one from its saved parameters.
 */
export const featuresPlugin: StagePlugin<FeaturesEstimator, FittedFeatures> = {
  stage: 'features',
  name: FEATURES_PLUGIN_NAME,
  description:
    'leak-free lags, rolling statistics, calendar, spike history and the direct multi-horizon matrix',
  create(raw?: unknown): FeaturesEstimator {
    const params = validate(FeatureParamsSchema, raw ?? {}, {
      what: 'feature parameters',
      code: CdfErrorCode.InvalidConfig,
    });
    const ready = fitted(params);
    return {
      stage: 'features',
      name: FEATURES_PLUGIN_NAME,
      params,
      fit: async (series: Series, options = {}) => {
        if (options.signal?.aborted) throw new CdfError(CdfErrorCode.Aborted, 'feature fit aborted');
        computeFeatures(series, featureOptions(params, {})); // validate the series like any fit would
        return ready;
      },
    };
  },
  load(saved: SavedModel): FittedFeatures {
    const envelope = validate(SavedModelSchema, saved, {
      what: 'saved feature stage',
      code: CdfErrorCode.IncompatibleModel,
    });
    if (envelope.stage !== 'features' || envelope.name !== FEATURES_PLUGIN_NAME) {
      throw new CdfError(
        CdfErrorCode.IncompatibleModel,
        `saved model is ${envelope.stage} "${envelope.name}"`,
        {
          value: envelope.name,
          expected: FEATURES_PLUGIN_NAME,
        },
      );
    }
    return fitted(
      validate(FeatureParamsSchema, envelope.params, {
        what: 'saved feature parameters',
        code: CdfErrorCode.IncompatibleModel,
      }),
    );
  },
};

/**
 * The package's factory (DESIGN.md: `create<Name>(params)`): parse `params` and return the
 * unfitted feature stage. Same as `featuresPlugin.create`.
 */
export function createFeatures(params?: unknown): FeaturesEstimator {
  return featuresPlugin.create(params);
}
