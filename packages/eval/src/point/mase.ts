import { checkAlignedFinite, type NumericArray } from '../metric-input.ts';
import { seasonalNaiveScale } from './seasonal-scale.ts';

/** Options of {@link mase}. */
export interface MaseOptions {
  /** The training (in-sample) series the forecast was fitted on; it defines the scale. */
  insample: NumericArray;
  /** Seasonal period `m` of the scale (24 for hourly data as in M4; 1 for the naive scale). */
  seasonalPeriod: number;
}

/**
 * Mean absolute scaled error as the M4 competition defines it (unitless):
 * `mean |y_t - f_t|` over the horizon divided by `mean_{t >= m} |x_t - x_{t-m}|` over the
 * in-sample training series `x` (see {@link seasonalNaiveScale}).
 * Below 1 beats the in-sample seasonal naive forecast.
 */
export function mase(actual: NumericArray, forecast: NumericArray, options: MaseOptions): number {
  const n = checkAlignedFinite('mase', { actual, forecast });
  const scale = seasonalNaiveScale(options.insample, options.seasonalPeriod);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(actual[i]! - forecast[i]!);
  return sum / n / scale;
}
