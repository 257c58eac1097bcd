import { checkAlignedFinite, type NumericArray } from '../metric-input.ts';

/**
 * Mean absolute error: `mean |y_t - f_t|`, in the units of the series.
 * Throws `CdfError` on empty, misaligned or non-finite input.
 */
export function mae(actual: NumericArray, forecast: NumericArray): number {
  const n = checkAlignedFinite('mae', { actual, forecast });
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(actual[i]! - forecast[i]!);
  return sum / n;
}
