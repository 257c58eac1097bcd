import { checkAlignedFinite, checkPositiveInteger, type NumericArray } from '../metric-input.ts';
import { multiplicativeSeasonalIndices } from './classical-decomposition.ts';
import { m4SeasonalityTest } from './seasonality-test.ts';

/**
 * The M4 Naive2 reference forecast (seasonally adjusted naive), as M4's R benchmark code
 * computes it: when {@link m4SeasonalityTest} finds seasonality at period `m`, divide the series
 * by the seasonal indices of a classical multiplicative decomposition, repeat the last adjusted
 * value, and multiply back by the indices of the future positions; otherwise plain naive
 * (repeat the last value). OWA is measured against this forecast.
 */
export function naive2(insample: NumericArray, horizon: number, seasonalPeriod: number): Float64Array {
  checkPositiveInteger('naive2', 'horizon', horizon);
  checkPositiveInteger('naive2', 'seasonalPeriod', seasonalPeriod);
  const n = checkAlignedFinite('naive2', { insample });
  const last = insample[n - 1]!;
  const out = new Float64Array(horizon);
  if (!m4SeasonalityTest(insample, seasonalPeriod)) {
    out.fill(last);
    return out;
  }
  const indices = multiplicativeSeasonalIndices(insample, seasonalPeriod);
  const level = last / indices[(n - 1) % seasonalPeriod]!;
  for (let h = 0; h < horizon; h++) out[h] = level * indices[(n + h) % seasonalPeriod]!;
  return out;
}
