import { CdfError, CdfErrorCode } from '@cdf/core';
import { checkAlignedFinite, checkProbabilityLevel, type NumericArray } from '../metric-input.ts';

/**
 * Mean interval (Winkler) score of a central `(1 - alpha)` prediction interval, in the units of
 * the series (Gneiting & Raftery 2007):
 * `mean_t (u_t - l_t) + (2/alpha)(l_t - y_t)[y_t < l_t] + (2/alpha)(y_t - u_t)[y_t > u_t]`.
 * Rewards narrow intervals and penalises misses by `2/alpha` per unit; lower is better.
 * `alpha = 0.2` scores a P10..P90 interval. Throws when some `lower > upper`.
 */
export function intervalScore(
  actual: NumericArray,
  lower: NumericArray,
  upper: NumericArray,
  alpha: number,
): number {
  checkProbabilityLevel('intervalScore', 'alpha', alpha);
  const n = checkAlignedFinite('intervalScore', { actual, lower, upper });
  const penalty = 2 / alpha;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const y = actual[i]!;
    const l = lower[i]!;
    const u = upper[i]!;
    if (l > u) {
      throw new CdfError(CdfErrorCode.InvalidValue, 'intervalScore: lower bound above upper bound', {
        column: 'lower',
        row: i + 1,
        value: String(l),
        expected: `a value <= upper (${u})`,
      });
    }
    sum += u - l;
    if (y < l) sum += penalty * (l - y);
    else if (y > u) sum += penalty * (y - u);
  }
  return sum / n;
}
