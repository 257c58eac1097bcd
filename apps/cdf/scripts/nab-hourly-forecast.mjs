#!/usr/bin/env node
// `cdf forecast` on real data no forecasting choice was tuned on: the 58-file NAB corpus
// (shared datasets, nab/, Numenta Anomaly Benchmark v1.0, MIT) read as demand. Each `real*` series
// is averaged to whole UTC hours; a series is kept when it spans at least 9 days and its last 24
// hours are all observed. Those 24 hours are held out and forecast with --id-col --horizon 24 from
// the hours before them (hours with no reading are left as gaps for cdf to fill). Their last days
// often hold NAB's labelled anomalies, so errors are large: read the numbers as a comparison of
// two builds, not as a score. Prints, for histories under four weeks, four weeks or more, and all:
// p50 sMAPE (%), MASE and the pinball loss of P50..P99, both scaled by the history's mean
// |y_t - y_{t-24}|, and coverage of each quantile. This is the check in the baseline README's
// "Short histories". Forecasts are kept in --dir and reused when present.
// Build first (pnpm build), then:
//   node apps/cdf/scripts/nab-hourly-forecast.mjs [--dir /tmp/cdf-nab-hourly] [--data DIR]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtCli, datasetFolder, flag, readQuantileForecasts, ScaledScores } from './forecast-scoring.mjs';

const args = process.argv.slice(2);
const data = join(datasetFolder(args, 'nab', 'data'), 'data');
const dir = flag(args, '--dir', '/tmp/cdf-nab-hourly');
const cli = builtCli();
const HOUR = 3_600_000;
const HORIZON = 24;
const MIN_HOURS = 9 * 24;
const SHORT_HOURS = 4 * 168;

/** One NAB file as hourly means, every hour from the first to the last (NaN where none was read). */
function hourlyMeans(path) {
  const sums = new Map();
  for (const line of readFileSync(path, 'utf8').trim().split('\n').slice(1)) {
    const [timestamp, value] = line.split(',');
    const hour = Math.floor(Date.parse(`${timestamp.replace(' ', 'T')}Z`) / HOUR) * HOUR;
    const entry = sums.get(hour) ?? { sum: 0, count: 0 };
    entry.sum += Number(value);
    entry.count++;
    sums.set(hour, entry);
  }
  const hours = [...sums.keys()].sort((a, b) => a - b);
  const first = hours[0];
  const n = (hours[hours.length - 1] - first) / HOUR + 1;
  const values = Float64Array.from({ length: n }, (_, i) => {
    const entry = sums.get(first + i * HOUR);
    return entry === undefined ? Number.NaN : entry.sum / entry.count;
  });
  return { first, values };
}

const series = [];
for (const folder of readdirSync(data)
  .filter((f) => f.startsWith('real'))
  .sort()) {
  for (const file of readdirSync(join(data, folder)).sort()) {
    if (!file.endsWith('.csv')) continue;
    const { first, values } = hourlyMeans(join(data, folder, file));
    const cut = values.length - HORIZON;
    if (values.length < MIN_HOURS || values.subarray(cut).some(Number.isNaN)) continue;
    series.push({
      id: file.slice(0, -4),
      first,
      history: values.subarray(0, cut),
      actual: values.subarray(cut),
    });
  }
}

const out = join(dir, 'forecast');
if (!existsSync(join(out, 'scenarios.csv'))) {
  mkdirSync(out, { recursive: true });
  const input = join(dir, 'history.csv');
  const lines = ['series_id,timestamp,value'];
  for (const s of series) {
    s.history.forEach((v, i) => {
      if (!Number.isNaN(v)) lines.push(`${s.id},${new Date(s.first + i * HOUR).toISOString()},${v}`);
    });
  }
  writeFileSync(input, `${lines.join('\n')}\n`);
  const cmd = ['forecast', '--input', input, '--target', 'value', '--id-col', 'series_id'];
  execFileSync('node', [cli, ...cmd, '--horizon', String(HORIZON), '--out', out, '-q'], { stdio: 'inherit' });
}
const forecasts = readQuantileForecasts(join(out, 'scenarios.csv'));

/** Mean |y_t - y_{t-24}| over the observed pairs of a history. */
function seasonalScale(history) {
  let sum = 0;
  let count = 0;
  for (let t = 24; t < history.length; t++) {
    const d = history[t] - history[t - 24];
    if (Number.isNaN(d)) continue;
    sum += Math.abs(d);
    count++;
  }
  return count > 0 ? sum / count : 0;
}

const groups = [
  ['history under 4 weeks', (s) => s.history.length < SHORT_HOURS],
  ['history of 4 weeks or more', (s) => s.history.length >= SHORT_HOURS],
  ['all', () => true],
];
console.log(`cdf forecast on NAB's real series averaged to hourly, the last ${HORIZON} h held out`);
console.log(
  '| series | n | p50 sMAPE % | MASE | scaled pinball P50 / P75 / P90 / P95 / P99 | coverage P50 / P75 / P90 / P95 / P99 |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [label, keep] of groups) {
  let count = 0;
  const scores = new ScaledScores();
  for (const s of series.filter(keep)) {
    const f = forecasts.get(s.id);
    if (f === undefined) throw new Error(`series ${s.id}: no forecast in ${out}/scenarios.csv`);
    const scale = seasonalScale(s.history);
    if (!(scale > 0)) continue; // a flat history: no scale to measure errors by
    count++;
    s.actual.forEach((y, h) => {
      scores.add(y, f[h], scale);
    });
  }
  console.log(`| ${label} | ${count} | ${scores.cells(2, 3)} |`);
}
