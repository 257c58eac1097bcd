import { checkAlignedFinite, checkProbabilityLevel, type NumericArray } from '../metric-input.ts';
import type { QuantileForecast } from './quantile-forecast.ts';

/** The share of actuals at or below one forecast quantile. */
export interface QuantileCoverage {
  /** The nominal level of the quantile. */
  level: number;
  /** Share of actuals `<=` the quantile, in [0, 1]; a calibrated quantile has coverage ≈ level. */
  coverage: number;
}

/**
 * Empirical coverage of each forecast quantile: the share of steps where `actual <= quantile`.
 * Returned in the order of `quantiles`. A P90 that covers 0.97 is too wide, 0.80 too narrow.
 */
export function empiricalCoverage(
  actual: NumericArray,
  quantiles: readonly QuantileForecast[],
): QuantileCoverage[] {
  return quantiles.map(({ level, values }) => {
    checkProbabilityLevel('empiricalCoverage', 'level', level);
    const n = checkAlignedFinite('empiricalCoverage', { actual, quantile: values });
    let below = 0;
    for (let i = 0; i < n; i++) if (actual[i]! <= values[i]!) below++;
    return { level, coverage: below / n };
  });
}
