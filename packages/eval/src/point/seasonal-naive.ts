import { InsufficientHistoryError } from '@cdf/core';
import { checkAlignedFinite, checkPositiveInteger, type NumericArray } from '../metric-input.ts';

/**
 * The seasonal naive reference forecast (M4's sNaive): each future step repeats the value one
 * season earlier, `f_{n+h} = x_{n+h-m*k}` with `k` the smallest whole number of seasons that
 * reaches back into the training series. Needs at least `m` training points.
 */
export function seasonalNaive(insample: NumericArray, horizon: number, seasonalPeriod: number): Float64Array {
  checkPositiveInteger('seasonalNaive', 'horizon', horizon);
  checkPositiveInteger('seasonalNaive', 'seasonalPeriod', seasonalPeriod);
  const n = checkAlignedFinite('seasonalNaive', { insample });
  if (n < seasonalPeriod) {
    throw new InsufficientHistoryError('seasonalNaive', seasonalPeriod, n, { column: 'insample' });
  }
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) out[h] = insample[n - seasonalPeriod + (h % seasonalPeriod)]!;
  return out;
}
