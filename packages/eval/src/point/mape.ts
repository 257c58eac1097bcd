import { CdfError, CdfErrorCode } from '@cdf/core';
import { checkAlignedFinite, type NumericArray } from '../metric-input.ts';

/** Options of {@link mape}. */
export interface MapeOptions {
  /**
   * What to do with points whose actual is exactly 0, where `|y - f| / |y|` is undefined.
   * `'skip'` (default) leaves them out of the mean; `'error'` throws `CdfError` `INVALID_VALUE`.
   */
  zeroActuals?: 'skip' | 'error';
}

/**
 * Mean absolute percentage error in percent: `mean 100 |y_t - f_t| / |y_t|`.
 *
 * Points with `y_t = 0` are skipped by default (see {@link MapeOptions.zeroActuals}); when every
 * actual is 0 there is nothing to average and it throws `CdfError` `INVALID_VALUE` rather than
 * return NaN. Use {@link smape} or {@link mase} for series that touch zero.
 */
export function mape(actual: NumericArray, forecast: NumericArray, options: MapeOptions = {}): number {
  const n = checkAlignedFinite('mape', { actual, forecast });
  const zeroActuals = options.zeroActuals ?? 'skip';
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const y = actual[i]!;
    if (y === 0) {
      if (zeroActuals === 'error') {
        throw new CdfError(CdfErrorCode.InvalidValue, 'mape: an actual value is 0', {
          column: 'actual',
          row: i + 1,
          value: '0',
          expected: 'a non-zero actual (or zeroActuals: "skip")',
        });
      }
      continue;
    }
    sum += Math.abs(y - forecast[i]!) / Math.abs(y);
    count++;
  }
  if (count === 0) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'mape: every actual value is 0, MAPE is undefined', {
      column: 'actual',
      expected: 'at least one non-zero actual',
    });
  }
  return (100 * sum) / count;
}
