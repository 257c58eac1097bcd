import { type PointMetricName, pointMetrics } from '../point/point-metric-registry.ts';
import { crpsFromQuantiles } from '../probabilistic/crps-from-quantiles.ts';
import { empiricalCoverage } from '../probabilistic/empirical-coverage.ts';
import { intervalScore } from '../probabilistic/interval-score.ts';
import { pinballLoss } from '../probabilistic/pinball-loss.ts';
import type { QuantileForecast } from '../probabilistic/quantile-forecast.ts';

/** What one fold's metrics are computed from: the whole horizon and the steps to score. */
export interface FoldData {
  /** Observed values over the horizon. */
  actual: Float64Array;
  /** Point forecast over the horizon. */
  point: Float64Array;
  /** Quantile forecasts over the horizon, ascending levels. */
  quantiles: readonly QuantileForecast[];
  /** Timestamps of the horizon steps. */
  timestamps: Float64Array;
  /** History values before the origin (MASE scale). */
  insample: Float64Array;
  /** Seasonal period of the MASE scale. */
  seasonalPeriod: number;
  /** IANA zone of calendar days (daily MAPE). */
  timeZone: string;
}

/** A central interval formed by levels `l` and `1 - l`, e.g. 0.1 and 0.9 for an 80% interval. */
interface CentralPair {
  lower: number;
  upper: number;
  name: string;
}

function centralPairs(levels: readonly number[]): CentralPair[] {
  const pairs: CentralPair[] = [];
  for (const lower of levels) {
    if (lower >= 0.5) continue;
    const upper = levels.find((l) => Math.abs(l - (1 - lower)) < 1e-9);
    if (upper !== undefined) pairs.push({ lower, upper, name: `intervalScore@${round(1 - 2 * lower)}` });
  }
  return pairs;
}

function round(value: number): number {
  return Number(value.toFixed(6));
}

/**
 * The metric names a backtest reports, in order: the point metrics as given, then with quantile
 * levels `crps`, `pinball@<level>` and `coverage@<level>` per level, and
 * `intervalScore@<coverage>` for each central pair of levels (0.1 and 0.9 give `intervalScore@0.8`).
 */
export function foldMetricNames(point: readonly PointMetricName[], levels: readonly number[]): string[] {
  if (levels.length === 0) return [...point];
  return [
    ...point,
    'crps',
    ...levels.map((l) => `pinball@${round(l)}`),
    ...levels.map((l) => `coverage@${round(l)}`),
    ...centralPairs(levels).map((p) => p.name),
  ];
}

function pick(values: Float64Array, steps: readonly number[]): Float64Array {
  return Float64Array.from(steps, (s) => values[s]!);
}

/**
 * Score the given horizon steps (0-based) of one fold with every metric; `steps` is non-empty.
 * Metrics throw `CdfError` on unusable input (a zero MASE scale, MAPE on all-zero actuals).
 */
export function scoreFold(
  fold: FoldData,
  steps: readonly number[],
  point: readonly PointMetricName[],
  levels: readonly number[],
): Record<string, number> {
  const actual = pick(fold.actual, steps);
  const forecast = pick(fold.point, steps);
  const input = {
    actual,
    forecast,
    insample: fold.insample,
    seasonalPeriod: fold.seasonalPeriod,
    timestamps: pick(fold.timestamps, steps),
    timeZone: fold.timeZone,
  };
  const out: Record<string, number> = {};
  for (const name of point) out[name] = pointMetrics[name](input);
  if (levels.length === 0) return out;
  const quantiles = fold.quantiles.map((q) => ({
    level: q.level,
    values: Float64Array.from(steps, (s) => q.values[s]!),
  }));
  out.crps = crpsFromQuantiles(actual, quantiles);
  for (const q of quantiles) out[`pinball@${round(q.level)}`] = pinballLoss(actual, q.values, q.level);
  for (const c of empiricalCoverage(actual, quantiles)) out[`coverage@${round(c.level)}`] = c.coverage;
  for (const pair of centralPairs(levels)) {
    const lower = quantiles.find((q) => q.level === pair.lower)!;
    const upper = quantiles.find((q) => q.level === pair.upper)!;
    out[pair.name] = intervalScore(actual, lower.values, upper.values, 2 * pair.lower);
  }
  return out;
}
