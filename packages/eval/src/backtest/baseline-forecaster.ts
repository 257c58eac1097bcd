import {
  type BaselinePlugin,
  CdfError,
  CdfErrorCode,
  type FitOptions,
  type FittedBaseline,
  type PlannedEvent,
} from '@cdf/core';
import type { QuantileForecast } from '../probabilistic/quantile-forecast.ts';
import type { BacktestForecast, BacktestModel, ForecastRequest } from './backtest-types.ts';

/** Options of {@link baselineForecaster}. */
export interface BaselineForecasterOptions {
  /** Parameters for `plugin.create`. */
  params?: unknown;
  /** Seed (default 0) passed to every fit. */
  seed?: number;
  /** Points of the full series not to learn from (1 = masked); each fit gets its history's part. */
  mask?: Uint8Array;
  /** Planned events, passed to every fit. */
  plannedEvents?: readonly PlannedEvent[];
}

function quantilesFrom(
  fitted: FittedBaseline,
  levels: readonly number[],
  steps: number,
  skip: number,
  point: Float64Array,
): QuantileForecast[] {
  return levels.map((level) => {
    if (Math.abs(level - 0.5) < 1e-12) return { level, values: point };
    const coverage = Math.abs(1 - 2 * level);
    const forecast = fitted.predict({ horizon: steps, level: coverage });
    const side = level < 0.5 ? forecast.lower : forecast.upper;
    if (side === undefined) {
      throw new CdfError(CdfErrorCode.ModelFailed, `${fitted.name} returned no prediction interval`, {
        column: 'quantiles',
        value: String(level),
        expected: 'a baseline that supports intervals',
      });
    }
    return { level, values: side.slice(skip) };
  });
}

/**
 * A backtest model from a baseline plug-in (`@cdf/core` `BaselinePlugin`): `fit` creates the
 * estimator from `params` and fits it on the history; `forecast` predicts from the fitted
 * model. When the model was fitted at an earlier origin (refit cadence), it forecasts from where
 * its history ended and the steps up to the current origin are dropped: a stale model is scored
 * as it would have been used. Quantile levels come from the plug-in's central intervals
 * (level `l` is the lower bound of the `1 - 2l` interval; 0.5 is the point forecast).
 */
export function baselineForecaster(
  plugin: BaselinePlugin,
  options: BaselineForecasterOptions = {},
): BacktestModel<FittedBaseline> {
  const estimator = plugin.create(options.params);
  return {
    async fit(history, context) {
      const fit: FitOptions = { seed: options.seed ?? 0 };
      if (context.signal) fit.signal = context.signal;
      return estimator.fit(
        {
          series: history,
          ...(options.mask ? { mask: options.mask.slice(0, history.values.length) } : {}),
          ...(options.plannedEvents ? { plannedEvents: options.plannedEvents } : {}),
        },
        fit,
      );
    },
    forecast(fitted: FittedBaseline, request: ForecastRequest): BacktestForecast {
      const last = request.history.timestamps[request.history.timestamps.length - 1]!;
      const skip = Math.round((last - fitted.lastTimestamp) / fitted.stepMs);
      const steps = skip + request.horizon;
      const point = fitted.predict({ horizon: steps }).point.slice(skip);
      if (!request.quantiles) return { point };
      return { point, quantiles: quantilesFrom(fitted, request.quantiles, steps, skip, point) };
    },
  };
}
