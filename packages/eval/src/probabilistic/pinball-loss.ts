import { checkAlignedFinite, checkProbabilityLevel, type NumericArray } from '../metric-input.ts';

/**
 * Mean pinball (quantile) loss of the quantile-`level` forecast `q`, in the units of the series:
 * `mean_t max(level * (y_t - q_t), (level - 1) * (y_t - q_t))`. Always >= 0; 0 only when every
 * actual equals its quantile. Under-forecasts cost `level` per unit, over-forecasts `1 - level`.
 */
export function pinballLoss(actual: NumericArray, quantileForecast: NumericArray, level: number): number {
  checkProbabilityLevel('pinballLoss', 'level', level);
  const n = checkAlignedFinite('pinballLoss', { actual, quantile: quantileForecast });
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = actual[i]! - quantileForecast[i]!;
    sum += e >= 0 ? level * e : (level - 1) * e;
  }
  return sum / n;
}
