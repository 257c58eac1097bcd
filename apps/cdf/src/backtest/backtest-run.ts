import { CdfError, type Series } from '@cdf/core';
import {
  type BacktestResult,
  type BacktestSummary,
  backtest,
  baselineForecaster,
  type PointMetricName,
  summariseBacktests,
} from '@cdf/eval';
import { errorLine } from '../report-error.ts';
import { BACKTEST_MODELS, type BacktestModelName } from './backtest-models.ts';

/** What to backtest: the series, the models and the rolling origins. */
export interface BacktestPlan {
  series: readonly Series[];
  models: readonly BacktestModelName[];
  horizon: number;
  origins: number;
  stride: number;
  refitEvery: number;
  metrics: readonly PointMetricName[];
  seed: number;
  /** Called before each (model, series) backtest. */
  onSeries?: (model: BacktestModelName, series: Series, index: number) => void;
}

/** A series a model could not be backtested on, and why (one line). */
export interface SeriesFailure {
  id: string;
  code: string;
  message: string;
}

/** One model's backtests over every series. */
export interface ModelBacktest {
  model: BacktestModelName;
  /** Registry name of the baseline, e.g. `@cdf/baseline#ensemble`. */
  plugin: string;
  /** Mean over the series that succeeded; absent when none did. */
  summary?: BacktestSummary;
  results: BacktestResult[];
  failures: SeriesFailure[];
}

/**
 * Backtest every model on every series. A series that fails (too short, a model error) is
 * recorded in `failures` with a one-line reason and the others still run.
 */
export async function runBacktests(plan: BacktestPlan): Promise<ModelBacktest[]> {
  const out: ModelBacktest[] = [];
  for (const model of plan.models) {
    const choice = BACKTEST_MODELS[model];
    const results: BacktestResult[] = [];
    const failures: SeriesFailure[] = [];
    for (const [index, series] of plan.series.entries()) {
      plan.onSeries?.(model, series, index);
      try {
        results.push(
          await backtest({
            series,
            horizon: plan.horizon,
            origins: { count: plan.origins, stride: plan.stride },
            refitEvery: plan.refitEvery,
            metrics: plan.metrics,
            forecaster: baselineForecaster(choice.plugin, { params: choice.params, seed: plan.seed }),
          }),
        );
      } catch (error) {
        const code = CdfError.isInstance(error) ? error.code : 'INTERNAL';
        failures.push({ id: series.id, code, message: errorLine(error, false) });
      }
    }
    out.push({
      model,
      plugin: choice.plugin.name,
      ...(results.length > 0 ? { summary: summariseBacktests(results) } : {}),
      results,
      failures,
    });
  }
  return out;
}
