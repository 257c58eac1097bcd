// A stationary log-AR(1) demand process with a known optimal forecaster, for calibration tests:
// y_t = 100 exp(x_t), x_t = phi x_{t-1} + sigma e_t.
import type { Series } from '@cdf/core';
import type { Forecaster } from '../src/index.ts';
import { hourlySeries } from './hourly-series.ts';
import { normal } from './seeded-random.ts';

/** The AR coefficient and innovation sd of {@link arSeries}. */
export const AR = { phi: 0.9, sigma: 0.08, level: 100 } as const;

/** `n` hourly points of the process from `seed` (AR coefficient `phi`, default {@link AR}.phi). */
export function arSeries(n: number, seed: number, phi: number = AR.phi): Series {
  const e = normal(seed);
  const values = new Float64Array(n);
  let x = 0;
  for (let i = 0; i < n; i++) {
    x = phi * x + AR.sigma * e();
    values[i] = AR.level * Math.exp(x);
  }
  return hourlySeries('ar', values);
}

/** The conditional median forecast `100 exp(phi^h x_t)` from the last point. */
export function arForecasterFor(phi: number): Forecaster {
  return async (train, horizon) => {
    const x = Math.log(train.values[train.values.length - 1]! / AR.level);
    return Float64Array.from({ length: horizon }, (_, k) => AR.level * Math.exp(phi ** (k + 1) * x));
  };
}

/** {@link arForecasterFor} at the default coefficient. */
export const arForecaster: Forecaster = arForecasterFor(AR.phi);
