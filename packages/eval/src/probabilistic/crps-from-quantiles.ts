import { CdfError, CdfErrorCode } from '@cdf/core';
import type { NumericArray } from '../metric-input.ts';
import { pinballLoss } from './pinball-loss.ts';
import type { QuantileForecast } from './quantile-forecast.ts';

/**
 * Approximate CRPS from a handful of forecast quantiles, in the units of the series:
 * `2 * mean over the given levels of pinballLoss(actual, q_level, level)`.
 *
 * This is an APPROXIMATION: the exact CRPS is `2 * integral_0^1 pinball_tau d tau`, and averaging
 * over a few levels (say P50..P99) is a Riemann sum that weights the tail levels given and
 * ignores the rest. Compare models only on the same set of levels.
 */
export function crpsFromQuantiles(actual: NumericArray, quantiles: readonly QuantileForecast[]): number {
  if (quantiles.length === 0) {
    throw new CdfError(CdfErrorCode.EmptyInput, 'crpsFromQuantiles: no quantiles given', {
      column: 'quantiles',
      expected: 'at least one quantile forecast',
    });
  }
  let sum = 0;
  for (const { level, values } of quantiles) sum += pinballLoss(actual, values, level);
  return (2 * sum) / quantiles.length;
}
