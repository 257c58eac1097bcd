import { type BacktestRecord, COMPONENTS } from './backtest-record.ts';
import { blendForecast, learnBlendWeights } from './blend-weights.ts';
import type { QuantileParams } from './quantile-params.ts';
import { fitResidualTable, type ResidualTable } from './residual-table.ts';

/** What {@link calibrateRecords} learns. */
export interface RecordCalibration {
  /** The baseline's blend weight per horizon bucket (1 everywhere without a regressor). */
  weights: number[];
  /** Conformal table of the blend's floored log residuals. */
  table: ResidualTable;
}

/**
 * Learn the blend weights and the conformal residual table from backtest records (the stage's
 * own calibration step, also used by the backtest scripts on a sliding window of earlier
 * origins). `withRegressor` false: the point forecast is the baseline alone.
 */
export function calibrateRecords(
  records: readonly BacktestRecord[],
  params: QuantileParams,
  withRegressor: boolean,
): RecordCalibration {
  const buckets = params.horizonBuckets;
  const weights = !withRegressor
    ? buckets.map(() => 1)
    : params.baselineWeight === 'learned'
      ? learnBlendWeights(records, { buckets, fallbackWeight: params.fallbackBaselineWeight })
      : buckets.map(() => params.baselineWeight as number);
  const table = fitResidualTable(
    records,
    (r) =>
      blendForecast(
        r.forecasts[COMPONENTS.baseline]!,
        withRegressor ? r.forecasts[COMPONENTS.regressor] : undefined,
        weights,
        buckets,
      ),
    {
      buckets,
      minResiduals: params.minResiduals,
      monotoneWidth: params.monotoneWidth,
      floorShare: params.forecastFloor,
      shrinkBias: params.shrinkBias,
    },
  );
  return { weights, table };
}
