import { dailyAggregateMape, empiricalCoverage, mape, seasonalNaive, smape } from '@cdf/eval';

/** The scenario quantile columns and their levels. */
export const QUANTILE_COLUMNS = [
  ['p50', 0.5],
  ['p75', 0.75],
  ['p90', 0.9],
  ['p95', 0.95],
  ['p99', 0.99],
] as const;

/** One scored forecast window: the actuals, the scenario columns and the history before it. */
export interface ScoredWindow {
  timestamps: Float64Array;
  actual: Float64Array;
  scenarios: Record<string, Float64Array>;
  history: Float64Array;
  /**
   * 1 for the hours to score (e.g. those outside ground-truth events); default all. Hourly MAPE,
   * sMAPE and coverage read only these; daily totals always use every hour of the window.
   */
  keep?: Uint8Array;
}

/** Accuracy pooled over windows: MAPE (hourly, daily) of P50 and of the expected value, coverage per quantile. */
export interface PooledAccuracy {
  windows: number;
  points: number;
  mapeP50: number;
  mapeExpected: number;
  dailyMapeP50: number;
  mapeSeasonalNaive: number;
  dailyMapeSeasonalNaive: number;
  /** sMAPE (bounded, for series with near-zero hours) of P50 and of seasonal naive. */
  smapeP50: number;
  smapeSeasonalNaive: number;
  coverage: Array<{ level: number; coverage: number }>;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Score windows: MAPE per window then averaged over windows (hourly, and of daily totals);
 * coverage pooled over every scored point (see `ScoredWindow.keep`). The reference is seasonal naive with period `season`
 * (the last week, or day, of the history repeated).
 */
export function poolAccuracy(windows: ScoredWindow[], season: number): PooledAccuracy {
  const kept = (w: ScoredWindow, values: Float64Array) =>
    w.keep ? values.filter((_, i) => w.keep![i] === 1) : values;
  const all = (name: string) =>
    Float64Array.from(windows.flatMap((w) => Array.from(kept(w, w.scenarios[name]!))));
  const actual = Float64Array.from(windows.flatMap((w) => Array.from(kept(w, w.actual))));
  const naive = windows.map((w) => seasonalNaive(w.history, w.actual.length, season));
  // a window entirely inside events has nothing to score hourly; daily totals still count it
  const scored = windows.map((w) => !w.keep || w.keep.some((k) => k === 1));
  const hourly = (metric: typeof mape, forecast: (w: ScoredWindow, k: number) => Float64Array) =>
    mean(windows.flatMap((w, k) => (scored[k] ? [metric(kept(w, w.actual), kept(w, forecast(w, k)))] : [])));
  return {
    windows: windows.length,
    points: actual.length,
    mapeP50: hourly(mape, (w) => w.scenarios.p50!),
    mapeExpected: hourly(mape, (w) => w.scenarios.expected_value!),
    dailyMapeP50: mean(
      windows.map((w) =>
        dailyAggregateMape({ timestamps: w.timestamps, actual: w.actual, forecast: w.scenarios.p50! }),
      ),
    ),
    mapeSeasonalNaive: hourly(mape, (_, k) => naive[k]!),
    dailyMapeSeasonalNaive: mean(
      windows.map((w, k) =>
        dailyAggregateMape({ timestamps: w.timestamps, actual: w.actual, forecast: naive[k]! }),
      ),
    ),
    smapeP50: hourly(smape, (w) => w.scenarios.p50!),
    smapeSeasonalNaive: hourly(smape, (_, k) => naive[k]!),
    coverage: empiricalCoverage(
      actual,
      QUANTILE_COLUMNS.map(([name, level]) => ({ level, values: all(name) })),
    ),
  };
}
