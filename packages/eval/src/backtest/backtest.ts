import { CdfError, CdfErrorCode, DAY_MS, type Series, toIsoUtc } from '@cdf/core';
import type { NumericArray } from '../metric-input.ts';
import type { PointMetricName } from '../point/point-metric-registry.ts';
import { pointMetrics } from '../point/point-metric-registry.ts';
import type { QuantileForecast } from '../probabilistic/quantile-forecast.ts';
import type {
  BacktestForecast,
  BacktestForecaster,
  BacktestModel,
  BacktestResult,
  BucketResult,
  HorizonBucket,
  OriginResult,
  OriginSpec,
} from './backtest-types.ts';
import { foldMetricNames, scoreFold } from './fold-metrics.ts';
import { bucketLabel, checkBuckets, defaultHorizonBuckets } from './horizon-buckets.ts';
import { originIndices } from './origins.ts';
import { historyBefore } from './series-history.ts';

/** Options of {@link backtest}. */
export interface BacktestOptions {
  /** The series to backtest on (a regular series from `@cdf/data`). */
  series: Series;
  /** Steps forecast at each origin. */
  horizon: number;
  /** How many origins (`stride` = horizon), or `{ count, stride }`. The last origin leaves exactly `horizon` points. */
  origins: number | OriginSpec;
  /** Fit at every `refitEvery`-th origin (the first always fits); other origins reuse the last fit. Default 1. */
  refitEvery?: number;
  /** The forecaster: a function (fits at every origin) or a `{ fit, forecast }` model. */
  forecaster: BacktestForecaster;
  /** Point metrics by name (see `pointMetrics`). Default `['mae', 'rmse', 'smape', 'mase']`. */
  metrics?: readonly PointMetricName[];
  /** Quantile levels in (0, 1) to ask for and score (CRPS, pinball, coverage, interval score). Default none. */
  quantiles?: readonly number[];
  /** Horizon buckets scored apart. Default 1-6, 7-24, 25-72, 73-168, 169+ steps, cut at the horizon. */
  buckets?: readonly HorizonBucket[];
  /** Seasonal period of the MASE scale, in steps. Default a day at sub-daily steps, else 1. */
  seasonalPeriod?: number;
  /** Fewest history points at the first origin. Default `seasonalPeriod + 1` (what MASE needs). */
  minTrain?: number;
  /** Score filled (interpolated) points too. Default false: only observed points are scored. */
  scoreFilled?: boolean;
  /**
   * Points of the series left out of every score (1 = excluded), e.g. labelled events when only
   * ordinary hours should count. The forecaster still sees them in its history.
   */
  exclude?: Uint8Array;
  /** Stops the backtest between folds (throws `ABORTED`). */
  signal?: AbortSignal;
  /** Clock for `timings`, ms. Default `performance.now`. */
  now?: () => number;
}

const DEFAULT_METRICS: readonly PointMetricName[] = ['mae', 'rmse', 'smape', 'mase'];

function isModel(forecaster: BacktestForecaster): forecaster is BacktestModel<unknown> {
  return typeof forecaster === 'object' && forecaster !== null;
}

function defaultSeasonalPeriod(stepMs: number): number {
  return stepMs < DAY_MS && DAY_MS % stepMs === 0 ? DAY_MS / stepMs : 1;
}

function checkOptions(options: BacktestOptions): void {
  const refitEvery = options.refitEvery ?? 1;
  if (!(Number.isInteger(refitEvery) && refitEvery >= 1)) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'backtest: refitEvery must be a positive integer', {
      column: 'refitEvery',
      value: String(refitEvery),
      expected: 'an integer >= 1 (1 = refit at every origin)',
    });
  }
  for (const name of options.metrics ?? []) {
    if (!(name in pointMetrics)) {
      throw new CdfError(CdfErrorCode.InvalidConfig, `backtest: unknown metric "${name}"`, {
        column: 'metrics',
        value: String(name),
        expected: Object.keys(pointMetrics).join(', '),
      });
    }
  }
  const levels = options.quantiles ?? [];
  levels.forEach((level, i) => {
    if (!(level > 0 && level < 1) || (i > 0 && level <= levels[i - 1]!)) {
      throw new CdfError(CdfErrorCode.InvalidConfig, 'backtest: quantile levels must ascend inside (0, 1)', {
        column: 'quantiles',
        row: i + 1,
        value: String(level),
        expected: 'ascending levels strictly between 0 and 1',
      });
    }
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CdfError(CdfErrorCode.Aborted, 'backtest aborted');
}

function forecastValues(
  name: string,
  values: NumericArray | undefined,
  horizon: number,
  origin: number,
): Float64Array {
  if (values === undefined || values.length !== horizon) {
    throw new CdfError(CdfErrorCode.ModelFailed, `backtest: the forecaster returned no usable ${name}`, {
      column: name,
      row: origin + 1,
      value: values === undefined ? 'nothing' : `${values.length} values`,
      expected: `${horizon} values (the horizon)`,
    });
  }
  const out = Float64Array.from(values);
  for (let i = 0; i < horizon; i++) {
    if (!Number.isFinite(out[i]!)) {
      throw new CdfError(CdfErrorCode.ModelFailed, `backtest: the forecaster returned a non-finite ${name}`, {
        column: name,
        row: origin + 1 + i,
        value: String(out[i]),
        expected: 'finite numbers',
      });
    }
  }
  return out;
}

function checkedQuantiles(
  forecast: BacktestForecast,
  levels: readonly number[],
  horizon: number,
  origin: number,
): QuantileForecast[] {
  return levels.map((level) => {
    const found = forecast.quantiles?.find((q) => Math.abs(q.level - level) < 1e-12);
    return { level, values: forecastValues(`quantile ${level}`, found?.values, horizon, origin) };
  });
}

function meanOf(rows: readonly Record<string, number>[], names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (rows.length === 0) return out;
  for (const name of names) {
    let sum = 0;
    for (const row of rows) sum += row[name]!;
    out[name] = sum / rows.length;
  }
  return out;
}

/**
 * Rolling-origin backtest of any forecaster on one series. At each origin (oldest first) the
 * forecaster sees only the points before it (a copied {@link ForecastRequest.history}), forecasts
 * `horizon` steps, and every metric is scored on the observed points of that window, over the
 * whole horizon and per horizon bucket. `overall` and each bucket average the origins' scores
 * (the M4 way: per fold first, then the mean). With `refitEvery = k` a `{ fit, forecast }` model
 * is fitted at origins 0, k, 2k, ... and reused in between; a plain function fits every time.
 *
 * Deterministic: the same series, options and a deterministic forecaster give the same result,
 * except `timings`. Throws `CdfError`: `INVALID_CONFIG` for bad options, `INSUFFICIENT_HISTORY`
 * when the first origin has fewer than `minTrain` points, `MODEL_FAILED` when the forecaster
 * returns the wrong number of values or non-finite ones, `ABORTED` on the signal.
 *
 * @example
 * const result = await backtest({
 *   series, horizon: 48, origins: { count: 4, stride: 24 },
 *   forecaster: ({ history, horizon }) => ({ point: seasonalNaive(history.values, horizon, 24) }),
 * });
 * result.overall.mase; result.perHorizonBucket[0]; // { label: '1-6', metrics: { ... } }
 */
export async function backtest(options: BacktestOptions): Promise<BacktestResult> {
  checkOptions(options);
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { series, horizon } = options;
  const seasonalPeriod = options.seasonalPeriod ?? defaultSeasonalPeriod(series.stepMs);
  const minTrain = options.minTrain ?? seasonalPeriod + 1;
  const origins = originIndices(series.values.length, horizon, options.origins, minTrain);
  const buckets = options.buckets ?? defaultHorizonBuckets(horizon);
  checkBuckets(buckets, horizon);
  const pointNames = options.metrics ?? DEFAULT_METRICS;
  const levels = options.quantiles ?? [];
  const names = foldMetricNames(pointNames, levels);
  const refitEvery = options.refitEvery ?? 1;
  const forecaster = options.forecaster;

  const perOrigin: OriginResult[] = [];
  const bucketRows: Record<string, number>[][] = buckets.map(() => []);
  let fitted: unknown;
  let fits = 0;
  let fitMs = 0;
  let forecastMs = 0;
  for (let k = 0; k < origins.length; k++) {
    throwIfAborted(options.signal);
    const origin = origins[k]!;
    const history = historyBefore(series, origin);
    const request = { history, horizon, originIndex: k, ...(levels.length > 0 ? { quantiles: levels } : {}) };
    const refit = !isModel(forecaster) || k % refitEvery === 0;
    let forecast: BacktestForecast;
    if (isModel(forecaster)) {
      if (refit) {
        const t0 = now();
        fitted = await forecaster.fit(history, {
          originIndex: k,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        fits++;
        fitMs += now() - t0;
      }
      const t1 = now();
      forecast = await forecaster.forecast(fitted, request);
      forecastMs += now() - t1;
    } else {
      const t0 = now();
      forecast = await forecaster(request);
      fits++;
      fitMs += now() - t0;
    }
    const fold = {
      actual: series.values.slice(origin, origin + horizon),
      point: forecastValues('point forecast', forecast.point, horizon, origin),
      quantiles: checkedQuantiles(forecast, levels, horizon, origin),
      timestamps: series.timestamps.slice(origin, origin + horizon),
      insample: history.values,
      seasonalPeriod,
      timeZone: series.timeZone,
    };
    const observed: number[] = [];
    for (let s = 0; s < horizon; s++) {
      if (options.exclude?.[origin + s] === 1) continue;
      if (options.scoreFilled === true || series.filled[origin + s] !== 1) observed.push(s);
    }
    perOrigin.push({
      index: k,
      origin,
      start: toIsoUtc(series.timestamps[origin]!),
      refit,
      scored: observed.length,
      metrics: observed.length > 0 ? scoreFold(fold, observed, pointNames, levels) : {},
    });
    buckets.forEach((bucket, b) => {
      const steps = observed.filter((s) => s + 1 >= bucket.from && s + 1 <= bucket.to);
      if (steps.length > 0) bucketRows[b]!.push(scoreFold(fold, steps, pointNames, levels));
    });
  }
  const scoredRows = perOrigin.filter((o) => o.scored > 0).map((o) => o.metrics);
  return {
    series: series.id,
    horizon,
    stepMs: series.stepMs,
    metrics: names,
    fits,
    perOrigin,
    perHorizonBucket: buckets.map(
      (bucket, b): BucketResult => ({
        from: bucket.from,
        to: bucket.to,
        label: bucketLabel(bucket),
        origins: bucketRows[b]!.length,
        metrics: meanOf(bucketRows[b]!, names),
      }),
    ),
    overall: meanOf(scoredRows, names),
    timings: { fitMs, forecastMs, totalMs: now() - started },
  };
}
