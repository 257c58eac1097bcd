import { checkAlignedFinite, type NumericArray } from '../metric-input.ts';

/**
 * Root mean squared error: `sqrt(mean (y_t - f_t)^2)`, in the units of the series.
 * Throws `CdfError` on empty, misaligned or non-finite input.
 */
export function rmse(actual: NumericArray, forecast: NumericArray): number {
  const n = checkAlignedFinite('rmse', { actual, forecast });
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = actual[i]! - forecast[i]!;
    sum += e * e;
  }
  return Math.sqrt(sum / n);
}
