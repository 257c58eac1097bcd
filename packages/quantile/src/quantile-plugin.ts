import type { Estimator, FitOptions, StagePlugin } from '@cdf/core';
import { fitQuantileStage, type QuantileFitInput } from './fit-quantile-stage.ts';
import { type FittedQuantileStage, loadQuantileStage } from './fitted-quantile-stage.ts';
import { resolveQuantileParams } from './quantile-params.ts';
import { QUANTILE_STAGE_NAME } from './saved-quantile-stage.ts';

/** An unfitted conformal quantile stage. */
export type QuantileEstimator = Estimator<QuantileFitInput, FittedQuantileStage>;

/**
 * A conformal quantile stage with `params` (parsed with `QuantileParamsSchema`; a bad one throws
 * INVALID_CONFIG). `fit` never mutates the estimator.
 */
export function createQuantileStage(params: unknown = {}): QuantileEstimator {
  const parsed = resolveQuantileParams(params);
  return {
    stage: 'quantile',
    name: QUANTILE_STAGE_NAME,
    params: parsed,
    fit: (input: QuantileFitInput, options?: FitOptions) => fitQuantileStage(input, parsed, options),
  };
}

/** The stage plug-in (`use: "@cdf/quantile#quantilePlugin"`). */
export const quantilePlugin: StagePlugin<QuantileEstimator, FittedQuantileStage> = {
  stage: 'quantile',
  name: QUANTILE_STAGE_NAME,
  description: 'Blended point forecast, spike mixture and conformal P50..P99 from a rolling-origin backtest',
  create: createQuantileStage,
  load: loadQuantileStage,
};
