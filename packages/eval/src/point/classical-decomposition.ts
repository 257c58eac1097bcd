import { CdfError, CdfErrorCode, InsufficientHistoryError } from '@cdf/core';
import { checkAlignedFinite, checkPositiveInteger, type NumericArray } from '../metric-input.ts';

/**
 * Seasonal indices of a classical multiplicative decomposition, as R's
 * `decompose(x, type = "multiplicative")` computes them: a centred moving average of length `m`
 * (a 2 x m average when `m` is even) as the trend, the mean of `x / trend` at each position of
 * the season (counted from the first point), normalised to average 1.
 * Returns `m` indices; point `t` has index `indices[t % m]`. Needs two full seasons.
 */
export function multiplicativeSeasonalIndices(series: NumericArray, seasonalPeriod: number): Float64Array {
  checkPositiveInteger('multiplicativeSeasonalIndices', 'seasonalPeriod', seasonalPeriod);
  const n = checkAlignedFinite('multiplicativeSeasonalIndices', { series });
  const m = seasonalPeriod;
  if (n < 2 * m)
    throw new InsufficientHistoryError('classical decomposition', 2 * m, n, { column: 'series' });
  const half = Math.floor(m / 2);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    if (m % 2 === 0) {
      trend = 0.5 * series[t - half]! + 0.5 * series[t + half]!;
      for (let j = -half + 1; j < half; j++) trend += series[t + j]!;
    } else {
      for (let j = -half; j <= half; j++) trend += series[t + j]!;
    }
    trend /= m;
    const ratio = series[t]! / trend;
    // R's mean(..., na.rm = TRUE) drops the NaN of 0/0 but keeps infinities.
    if (Number.isNaN(ratio)) continue;
    sums[t % m]! += ratio;
    counts[t % m]! += 1;
  }
  const indices = new Float64Array(m);
  let total = 0;
  for (let k = 0; k < m; k++) {
    indices[k] = sums[k]! / counts[k]!;
    total += indices[k]!;
  }
  const mean = total / m;
  for (let k = 0; k < m; k++) {
    indices[k] = indices[k]! / mean;
    if (!Number.isFinite(indices[k]!) || indices[k]! === 0) {
      throw new CdfError(
        CdfErrorCode.InvalidValue,
        'multiplicative decomposition: a seasonal index is not usable',
        {
          column: 'series',
          value: String(indices[k]),
          expected: 'a positive series (multiplicative seasonality needs values away from 0)',
        },
      );
    }
  }
  return indices;
}
