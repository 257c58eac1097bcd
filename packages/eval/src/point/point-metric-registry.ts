import { CdfError, CdfErrorCode } from '@cdf/core';
import type { NumericArray } from '../metric-input.ts';
import { dailyAggregateMape } from './daily-aggregate-mape.ts';
import { mae } from './mae.ts';
import { mape } from './mape.ts';
import { mase } from './mase.ts';
import { rmse } from './rmse.ts';
import { smape } from './smape.ts';

/**
 * Everything a point metric may need about one forecast (one backtest fold of one series).
 * Only `actual` and `forecast` are always required; MASE needs `insample` and `seasonalPeriod`,
 * the daily MAPE needs `timestamps`.
 */
export interface PointMetricInput {
  /** Observed values over the horizon. */
  actual: NumericArray;
  /** Forecast values, aligned with `actual`. */
  forecast: NumericArray;
  /** The training series the forecast was made from (MASE scale). */
  insample?: NumericArray;
  /** Seasonal period of the MASE scale, in steps (24 for hourly data). */
  seasonalPeriod?: number;
  /** UTC epoch ms of each horizon step (daily MAPE). */
  timestamps?: NumericArray;
  /** IANA zone of calendar days (daily MAPE). Default `UTC`. */
  timeZone?: string;
}

/** Name of a metric in {@link pointMetrics}. */
export type PointMetricName = 'mae' | 'rmse' | 'mape' | 'smape' | 'mase' | 'dailyAggregateMape';

/** A metric that scores one forecast from a {@link PointMetricInput}. */
export type PointMetric = (input: PointMetricInput) => number;

function required<T>(metric: string, name: string, value: T | undefined): T {
  if (value === undefined) {
    throw new CdfError(CdfErrorCode.InvalidConfig, `${metric} needs "${name}"`, {
      column: name,
      expected: `"${name}" in the metric input`,
    });
  }
  return value;
}

/**
 * The point metrics by name with one shared signature, so a backtest can be configured with a
 * list of names and score every fold the same way.
 */
export const pointMetrics: Readonly<Record<PointMetricName, PointMetric>> = {
  mae: ({ actual, forecast }) => mae(actual, forecast),
  rmse: ({ actual, forecast }) => rmse(actual, forecast),
  mape: ({ actual, forecast }) => mape(actual, forecast),
  smape: ({ actual, forecast }) => smape(actual, forecast),
  mase: ({ actual, forecast, insample, seasonalPeriod }) =>
    mase(actual, forecast, {
      insample: required('mase', 'insample', insample),
      seasonalPeriod: required('mase', 'seasonalPeriod', seasonalPeriod),
    }),
  dailyAggregateMape: ({ actual, forecast, timestamps, timeZone }) =>
    dailyAggregateMape({
      actual,
      forecast,
      timestamps: required('dailyAggregateMape', 'timestamps', timestamps),
      ...(timeZone === undefined ? {} : { timeZone }),
    }),
};
