import { checkAlignedFinite, type NumericArray } from '../metric-input.ts';

/**
 * Symmetric MAPE as the M4 competition defines it, in percent (0..200):
 * `mean 200 |y_t - f_t| / (|y_t| + |f_t|)`.
 *
 * A point where both the actual and the forecast are 0 is a perfect forecast and counts as 0
 * (M4's formula would give 0/0 there). Throws `CdfError` on empty, misaligned or non-finite input.
 */
export function smape(actual: NumericArray, forecast: NumericArray): number {
  const n = checkAlignedFinite('smape', { actual, forecast });
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const y = actual[i]!;
    const f = forecast[i]!;
    const denominator = Math.abs(y) + Math.abs(f);
    if (denominator > 0) sum += (200 * Math.abs(y - f)) / denominator;
  }
  return sum / n;
}
