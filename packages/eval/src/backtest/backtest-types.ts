import type { Series } from '@cdf/core';
import type { NumericArray } from '../metric-input.ts';
import type { QuantileForecast } from '../probabilistic/quantile-forecast.ts';

/** What a forecaster is asked at one backtest origin. */
export interface ForecastRequest {
  /**
   * The series strictly before the origin (points `[0, origin)`), copied: no array shares a
   * buffer with the full series, so nothing after the origin can be reached from it.
   */
  history: Series;
  /** Steps to forecast after the last point of `history`. */
  horizon: number;
  /** Quantile levels wanted (ascending, in (0, 1)), when the backtest scores intervals. */
  quantiles?: readonly number[];
  /** 0-based position of this origin among the backtest's origins (oldest first). */
  originIndex: number;
}

/** A forecaster's answer at one origin. */
export interface BacktestForecast {
  /** Point forecast, `horizon` finite values. */
  point: NumericArray;
  /** One entry per requested quantile level, each `horizon` values (required when quantiles are asked). */
  quantiles?: readonly QuantileForecast[];
}

/**
 * The simplest forecaster: fit and forecast from scratch at every origin. Each call counts as
 * one fit, so a refit cadence does not apply to it (use a {@link BacktestModel}).
 */
export type ForecastFunction = (request: ForecastRequest) => BacktestForecast | Promise<BacktestForecast>;

/** Context of one {@link BacktestModel.fit} call. */
export interface BacktestFitContext {
  /** 0-based origin at which this fit happens. */
  originIndex: number;
  /** Stops the backtest; forward it to long fits. */
  signal?: AbortSignal;
}

/**
 * A forecaster split into `fit` and `forecast`, so the backtest can refit only every few origins.
 * Between refits `forecast` gets the model fitted at an earlier origin and the history up to the
 * current origin; it may condition on the newer points (they are all before the origin) or
 * forecast further from where the model stopped.
 */
export interface BacktestModel<Fitted = unknown> {
  /** Fit on the history before an origin. */
  fit(history: Series, context: BacktestFitContext): Fitted | Promise<Fitted>;
  /** Forecast `request.horizon` steps after `request.history` with a fitted model. */
  forecast(fitted: Fitted, request: ForecastRequest): BacktestForecast | Promise<BacktestForecast>;
}

/**
 * A forecaster the backtest accepts: a function (fit + forecast at every origin) or a model
 * (any `BacktestModel<Fitted>` fits here: its methods are checked bivariantly).
 */
export type BacktestForecaster = ForecastFunction | BacktestModel<unknown>;

/** A range of horizon steps scored together, 1-based and inclusive: `{ from: 1, to: 6 }` = steps 1..6. */
export interface HorizonBucket {
  /** First step (1 = the step right after the origin). */
  from: number;
  /** Last step, inclusive. */
  to: number;
}

/** How the origins are placed: `count` origins `stride` steps apart, the last ending at the last point. */
export interface OriginSpec {
  /** Number of origins, >= 1. */
  count: number;
  /** Steps between consecutive origins. Default: the horizon (non-overlapping test windows). */
  stride?: number;
}

/** The scores of one origin (one fold). */
export interface OriginResult {
  /** 0-based position among the origins, oldest first. */
  index: number;
  /** Index of the first forecast point in the series (= the number of history points). */
  origin: number;
  /** Timestamp of the first forecast point, ISO 8601 UTC. */
  start: string;
  /** Whether the model was (re)fitted at this origin. */
  refit: boolean;
  /** Points scored (filled points are left out unless `scoreFilled`). */
  scored: number;
  /** Metric name to value over the whole horizon; absent when no point was scored. */
  metrics: Record<string, number>;
}

/** The scores of one horizon bucket, averaged over the origins that scored points in it. */
export interface BucketResult extends HorizonBucket {
  /** `"1-6"`. */
  label: string;
  /** Origins that contributed. */
  origins: number;
  /** Metric name to mean value over those origins. */
  metrics: Record<string, number>;
}

/** Wall-clock time spent, in milliseconds (the only part of a result that varies between runs). */
export interface BacktestTimings {
  /** In `fit` (or in the forecast function, which fits). */
  fitMs: number;
  /** In `forecast` of a fitted model. */
  forecastMs: number;
  /** The whole backtest. */
  totalMs: number;
}

/** The outcome of {@link backtest}. */
export interface BacktestResult {
  /** Id of the series. */
  series: string;
  /** Steps forecast at each origin. */
  horizon: number;
  /** Step of the series, ms. */
  stepMs: number;
  /** Metric names, in the order requested (interval metrics after point ones). */
  metrics: string[];
  /** How many fits ran. */
  fits: number;
  /** One entry per origin, oldest first. */
  perOrigin: OriginResult[];
  /** One entry per horizon bucket that reaches into the horizon. */
  perHorizonBucket: BucketResult[];
  /** Metric name to its mean over the scored origins. */
  overall: Record<string, number>;
  /** Time spent. */
  timings: BacktestTimings;
}
