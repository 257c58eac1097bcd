#!/usr/bin/env node
// Baseline accuracy on ordinary hours of synthetic demand, fitted the way `cdf forecast` fits it:
// the points masked out of the fit are the ones the app would mask at each origin, found from
// that origin's history alone (the app's `normalMaskOf`, built to dist/normal-mask.js: the
// ensemble detector's flagged runs, extended over a launch's plateau, plus what stands 4 robust
// SDs above the same hour of the last weeks).
// @cdf/eval's scripts/synthetic-backtest.mjs is the same backtest with the ground-truth events
// masked instead. Horizon 168 h, 8 origins a week apart, MAPE on hours outside every
// ground-truth event, mean over origins; two windows per seed (calendar 2023-2024, whose last
// 8 weeks hold Thanksgiving to New Year's Eve, and July 2022 - June 2024).
// Build first (pnpm build), then: node apps/cdf/scripts/baseline-detected-mask.mjs SEED [SEED ...]
import { ensembleBaseline } from '@cdf/baseline';
import { generateSynthetic, syntheticSeries } from '@cdf/data';
import { backtest, baselineForecaster } from '@cdf/eval';
import { createAnomalyDetector } from '@cdf/spikes';
import { normalMaskOf } from '../dist/normal-mask.js';

const WINDOWS = [
  ['2023-01-02', '2025-01-01'],
  ['2022-07-04', '2024-07-01'],
];

/** The mask `cdf forecast` leaves out of a history's baseline fit (its default detector at 0.5). */
function appMask(history) {
  return normalMaskOf(history, createAnomalyDetector('ensemble').preprocess(history).detect(0.5).isAnomaly);
}

const seeds = process.argv.slice(2).map(Number);
if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s))) {
  console.error('usage: node apps/cdf/scripts/baseline-detected-mask.mjs SEED [SEED ...]');
  process.exit(2);
}
console.log('seed   ' + WINDOWS.map(([a, b]) => `${a}..${b}`.padStart(24)).join(''));
const sums = WINDOWS.map(() => 0);
for (const seed of seeds) {
  const row = [];
  for (const [w, [start, end]] of WINDOWS.entries()) {
    const data = generateSynthetic({ start, end, seed });
    const series = syntheticSeries(data);
    const events = Uint8Array.from(data.eventType, (type) => (type === '' ? 0 : 1));
    const forecaster = async (request) => {
      const model = baselineForecaster(ensembleBaseline, { mask: appMask(request.history) });
      const fitted = await model.fit(request.history, { originIndex: request.originIndex });
      return model.forecast(fitted, request);
    };
    const result = await backtest({
      series,
      horizon: 168,
      origins: 8,
      metrics: ['mape'],
      exclude: events,
      forecaster,
    });
    sums[w] += result.overall.mape;
    row.push(result.overall.mape.toFixed(2).padStart(24));
  }
  console.log(String(seed).padEnd(7) + row.join(''));
}
const means = sums.map((s) => s / seeds.length);
console.log(
  `mean   ${means.map((m) => m.toFixed(2).padStart(24)).join('')}   both windows ${((means[0] + means[1]) / 2).toFixed(2)}`,
);
