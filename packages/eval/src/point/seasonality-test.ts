import type { NumericArray } from '../metric-input.ts';

/**
 * Sample autocorrelation at lag `k` as R's `acf` computes it: both sums around the overall
 * mean, the denominator over all `n` points.
 */
export function autocorrelation(series: NumericArray, lag: number): number {
  const n = series.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += series[i]!;
  mean /= n;
  let numerator = 0;
  for (let i = lag; i < n; i++) numerator += (series[i]! - mean) * (series[i - lag]! - mean);
  let denominator = 0;
  for (let i = 0; i < n; i++) denominator += (series[i]! - mean) ** 2;
  return numerator / denominator;
}

/**
 * The seasonality test of the M4 statistical benchmarks (`SeasonalityTest` in M4's
 * "Benchmarks and Evaluation.R"): seasonal at period `m` when the lag-`m` autocorrelation
 * exceeds its 90% limit, `|r_m| > 1.645 * sqrt((1 + 2 * sum_{k<m} r_k^2) / n)`.
 *
 * As in R it is false when the series has fewer than `3m` points, when R's default `acf`
 * would not reach lag `m` (`floor(10 log10 n) < m`), when `m <= 1`, or when the series is
 * constant (the autocorrelation is undefined).
 */
export function m4SeasonalityTest(series: NumericArray, seasonalPeriod: number): boolean {
  const n = series.length;
  if (seasonalPeriod <= 1 || n < 3 * seasonalPeriod) return false;
  const maxLag = Math.min(Math.floor(10 * Math.log10(n)), n - 1);
  if (maxLag < seasonalPeriod) return false;
  let sumSquares = 0;
  for (let k = 1; k < seasonalPeriod; k++) sumSquares += autocorrelation(series, k) ** 2;
  const rm = autocorrelation(series, seasonalPeriod);
  if (!Number.isFinite(rm)) return false;
  const limit = 1.645 * Math.sqrt((1 + 2 * sumSquares) / n);
  return Math.abs(rm) > limit;
}
