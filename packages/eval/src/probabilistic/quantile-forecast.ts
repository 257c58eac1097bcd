import type { NumericArray } from '../metric-input.ts';

/** One quantile of a probabilistic forecast: its level (0..1) and its values over the horizon. */
export interface QuantileForecast {
  /** Quantile level in (0, 1), e.g. 0.9 for P90. */
  level: number;
  /** The forecast quantile at each step, aligned with the actuals. */
  values: NumericArray;
}
