// Prophet (augurs, via @cdf/baseline) as the caller's baseline forecaster, keeping its own
// intervals for the comparison: upper bound of the central interval at level 2q - 1 is quantile q.
import { createProphetBaseline } from '@cdf/baseline';
import type { Series } from '@cdf/core';
import type { Forecaster } from '../src/index.ts';

/** Prophet's own quantiles of one forecast: 0.5 (the point), 0.75 .. 0.99 and the lower 0.05, 0.01. */
export interface ProphetQuantiles {
  point: Float64Array;
  /** By level: 0.75, 0.9, 0.95, 0.99 (upper bounds) and 0.05, 0.01 (lower bounds). */
  byLevel: Map<number, Float64Array>;
}

/** A Prophet forecaster that remembers its quantiles per history length. */
export function prophetForecaster(spikes: Uint8Array): {
  forecaster: Forecaster;
  saved: Map<number, ProphetQuantiles>;
} {
  const saved = new Map<number, ProphetQuantiles>();
  const forecaster: Forecaster = async (train: Series, horizon: number) => {
    const estimator = createProphetBaseline({ seasonalityMode: 'multiplicative' });
    const fitted = await estimator.fit(
      { series: train, mask: spikes.slice(0, train.values.length) },
      { seed: 0 },
    );
    const point = fitted.predict({ horizon }).point;
    const byLevel = new Map<number, Float64Array>();
    for (const [interval, upperLevel, lowerLevel] of [
      [0.5, 0.75, 0.25],
      [0.8, 0.9, 0.1],
      [0.9, 0.95, 0.05],
      [0.98, 0.99, 0.01],
    ] as const) {
      const f = fitted.predict({ horizon, level: interval });
      byLevel.set(upperLevel, f.upper!);
      byLevel.set(lowerLevel, f.lower!);
    }
    saved.set(train.values.length, { point, byLevel });
    return point;
  };
  return { forecaster, saved };
}
