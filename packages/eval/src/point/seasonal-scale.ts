import { CdfError, CdfErrorCode, InsufficientHistoryError } from '@cdf/core';
import { checkAlignedFinite, checkPositiveInteger, type NumericArray } from '../metric-input.ts';

/**
 * The MASE scale of a training series: the in-sample mean absolute error of the seasonal naive
 * forecast, `mean_{t >= m} |x_t - x_{t-m}|` (M4's `masep`; `m = 1` gives the naive scale).
 * Throws `InsufficientHistoryError` when the series has no more than `m` points and
 * `CdfError` `INVALID_VALUE` when the scale is 0 (a series that repeats exactly every `m` steps).
 */
export function seasonalNaiveScale(insample: NumericArray, seasonalPeriod: number): number {
  checkPositiveInteger('mase', 'seasonalPeriod', seasonalPeriod);
  const n = checkAlignedFinite('mase', { insample });
  if (n <= seasonalPeriod) {
    throw new InsufficientHistoryError('mase scale', seasonalPeriod + 1, n, { column: 'insample' });
  }
  let sum = 0;
  for (let t = seasonalPeriod; t < n; t++) sum += Math.abs(insample[t]! - insample[t - seasonalPeriod]!);
  const scale = sum / (n - seasonalPeriod);
  if (scale === 0) {
    throw new CdfError(
      CdfErrorCode.InvalidValue,
      'mase: the training series repeats exactly, its scale is 0',
      {
        column: 'insample',
        expected: `a training series that is not periodic with period ${seasonalPeriod}`,
      },
    );
  }
  return scale;
}
