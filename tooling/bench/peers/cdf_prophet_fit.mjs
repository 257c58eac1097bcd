#!/usr/bin/env node
// cdf's side of the Prophet comparison, the same steps as prophet_fit.R in a fresh process:
// read the CSV (ds,y), fit @cdf/baseline's Prophet (defaults: linear, additive, 'auto'
// seasonalities) on all rows but the last H, predict those H, print one JSON line with the
// fit and predict times (ms) and the predicted values. Run from tooling/bench (it resolves
// @cdf/baseline from there, built):
//   node peers/cdf_prophet_fit.mjs series.csv 168
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createProphetBaseline } from '@cdf/baseline';

const [csv, horizonArg] = process.argv.slice(2);
if (!csv) throw new Error('usage: cdf_prophet_fit.mjs CSV [HORIZON]');
const horizon = Number(horizonArg ?? 168);
const lines = readFileSync(csv, 'utf8').trim().split('\n').slice(1);
const n = lines.length - horizon;
const timestamps = new Float64Array(n);
const values = new Float64Array(n);
for (let i = 0; i < n; i++) {
  const [ds, y] = lines[i].split(',');
  timestamps[i] = Date.parse(ds);
  values[i] = Number(y);
}
const series = {
  id: 'default',
  target: 'y',
  stepMs: timestamps[1] - timestamps[0],
  timestamps,
  values,
  filled: new Uint8Array(n),
  columns: { y: values },
  timeZone: 'UTC',
};
const t0 = performance.now();
const fitted = await createProphetBaseline({}).fit({ series }, { seed: 1 });
const fitMs = performance.now() - t0;
const t1 = performance.now();
const forecast = fitted.predict({ horizon });
const predictMs = performance.now() - t1;
console.log(
  JSON.stringify({
    peer: 'cdf-prophet',
    rows: n,
    horizon,
    fitMs,
    predictMs,
    notes: fitted.notes,
    yhat: Array.from(forecast.point),
  }),
);
