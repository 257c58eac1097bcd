import { CdfError, CdfErrorCode, type FitOptions, type Series, SeriesSchema, validate } from '@cdf/core';
import { COMPONENTS } from './backtest-record.ts';
import { blendForecast, learnBlendWeights } from './blend-weights.ts';
import { FittedQuantileStage } from './fitted-quantile-stage.ts';
import { fitLevelRegressor, type LevelRegressor } from './level-regressor.ts';
import { type QuantileParams, resolveQuantileParams } from './quantile-params.ts';
import { fitResidualTable } from './residual-table.ts';
import { type Forecaster, runRollingOrigin } from './rolling-origin.ts';
import { robustSpikeMask } from './spike-mask.ts';

/** What the quantile stage fits on. */
export interface QuantileFitInput {
  series: Series;
  /** Longest horizon to calibrate, in steps (168 for a week hourly). */
  horizon: number;
  /**
   * The baseline forecaster (fit on a history, forecast `horizon` steps, without planned
   * events): the caller wraps its baseline plug-in, since stages do not depend on each other.
   */
  baseline: Forecaster;
  /** 1 where a point is inside a spike (the spike stage's detections). Default: a robust internal mask. */
  spikes?: Uint8Array;
}

/**
 * Fit the quantile stage: a rolling-origin backtest (`params.origins` origins,
 * `params.originStride` apart) of the baseline and of the XGBoost level regressor (retrained at
 * each origin on its past only), then the blend weights per horizon bucket and the conformal
 * table of the blend's log residuals, all out of sample; finally the regressor on the whole
 * series. Throws INSUFFICIENT_HISTORY when no origin has `horizon` points of history.
 */
export async function fitQuantileStage(
  input: QuantileFitInput,
  params: unknown = {},
  options: FitOptions = {},
): Promise<FittedQuantileStage> {
  const p = resolveQuantileParams(params);
  const { series, horizon } = input;
  checkInput(input);
  const seed = options.seed ?? 0;
  const spikes = input.spikes ?? robustSpikeMask(series);
  const notes: string[] = [];
  const useRegressor = p.regressor.enabled && p.baselineWeight !== 1;
  const forecasters: Record<string, Forecaster> = { [COMPONENTS.baseline]: input.baseline };
  if (useRegressor) forecasters[COMPONENTS.regressor] = regressorForecaster(p, spikes, seed);
  const records = await runRollingOrigin({
    series,
    horizon,
    forecasters,
    origins: p.origins,
    stride: p.originStride,
    spikes,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  notes.push(`calibration: ${records.length} rolling origins, ${p.originStride} steps apart`);

  let regressor: LevelRegressor | null = null;
  if (useRegressor) {
    regressor = await fitLevelRegressor(series, { horizon, params: p.regressor, spikes, seed });
    if (regressor === null) notes.push('level regressor: too few rows, baseline-only point forecast');
    else notes.push(...regressor.notes);
  }
  const buckets = p.horizonBuckets;
  const weights =
    regressor === null
      ? buckets.map(() => 1)
      : p.baselineWeight === 'learned'
        ? learnBlendWeights(records, { buckets, fallbackWeight: p.fallbackBaselineWeight })
        : buckets.map(() => p.baselineWeight as number);
  notes.push(`baseline weight per bucket: ${weights.join(', ')}`);
  const table = fitResidualTable(
    records,
    (r) =>
      blendForecast(
        r.forecasts[COMPONENTS.baseline]!,
        regressor ? r.forecasts[COMPONENTS.regressor] : undefined,
        weights,
        buckets,
      ),
    { buckets, minResiduals: p.minResiduals, monotoneWidth: p.monotoneWidth },
  );
  return new FittedQuantileStage({ params: p, horizon, weights, table, regressor, notes });
}

/**
 * The level regressor as a backtest forecaster: trained on each origin's history alone (the
 * spike mask cut to it), its forecast taken, its memory freed. NaN where it cannot forecast.
 */
export function regressorForecaster(params: QuantileParams, spikes: Uint8Array, seed: number): Forecaster {
  return async (train, horizon) => {
    const model = await fitLevelRegressor(train, {
      horizon,
      params: params.regressor,
      spikes: spikes.subarray(0, train.values.length),
      seed,
    });
    if (model === null) return new Float64Array(horizon).fill(Number.NaN);
    try {
      return await model.predict(train, horizon);
    } finally {
      model.free();
    }
  };
}

function checkInput(input: QuantileFitInput): void {
  const { series, horizon, spikes } = input;
  validate(SeriesSchema, series, { what: 'series' });
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'horizon must be a whole number of steps >= 1', {
      column: 'horizon',
      value: String(horizon),
      expected: 'an integer >= 1',
    });
  }
  if (typeof input.baseline !== 'function') {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'baseline must be a forecaster function', {
      column: 'baseline',
      value: typeof input.baseline,
      expected: '(train: Series, horizon: number) => Promise<Float64Array>',
    });
  }
  if (spikes !== undefined && (!(spikes instanceof Uint8Array) || spikes.length !== series.values.length)) {
    throw new CdfError(CdfErrorCode.SchemaMismatch, 'the spike mask does not match the series', {
      column: 'spikes',
      value: String((spikes as { length?: number }).length),
      expected: `a Uint8Array of ${series.values.length} values (1 = spike)`,
    });
  }
}
