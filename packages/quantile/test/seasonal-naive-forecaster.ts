// A day-ahead seasonal naive forecaster for the stage tests (the real baselines live in
// @cdf/baseline; this keeps the unit tests fast): the value 24 steps before each target,
// repeated from the last observed day.
import type { Forecaster } from '../src/index.ts';

/** Forecast step k as the value of the last day at the same hour. */
export const dailyNaive: Forecaster = async (train, horizon) => {
  const n = train.values.length;
  return Float64Array.from({ length: horizon }, (_, k) => train.values[n - 24 + (k % 24)]!);
};
