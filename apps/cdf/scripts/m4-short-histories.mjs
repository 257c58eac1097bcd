#!/usr/bin/env node
// `cdf forecast` on short histories of real data: the M4 hourly dev set (shared datasets, m4-hourly,
// 207 series, M4 competition) with each series' training set cut to its last L hours, forecast 48 h
// ahead with --id-col and scored on the M4 test window. A platform that has just started metering
// has two to four weeks of history; this is the run behind the baseline README's "Short histories".
// Prints, per L: p50 sMAPE (M4 definition, %), MASE and the pinball loss of P50..P99, both scaled by
// the full training set's in-sample seasonal naive error at 24 h (so every L is on one scale), and
// coverage of each quantile. Forecasts are kept in --dir and reused when present.
// Build first (pnpm build), then:
//   node apps/cdf/scripts/m4-short-histories.mjs 240,336,504 [--dir /tmp/cdf-m4-short] [--data DIR]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtCli, datasetFolder, flag, readQuantileForecasts, ScaledScores } from './forecast-scoring.mjs';

const args = process.argv.slice(2);
const dir = flag(args, '--dir', '/tmp/cdf-m4-short');
const lengths = (args[0] ?? '').split(',').filter(Boolean).map(Number);
if (lengths.length === 0 || lengths.some((l) => !Number.isInteger(l) || l < 48)) {
  console.error(
    'usage: node apps/cdf/scripts/m4-short-histories.mjs HOURS[,HOURS...] [--dir DIR] [--data DIR]',
  );
  process.exit(2);
}
const data = datasetFolder(args, 'm4-hourly', 'train.csv');
const cli = builtCli();
const HORIZON = 48;

/** Rows of a long table `series_id,timestamp,value`, grouped by series in file order. */
function readLong(path) {
  const bySeries = new Map();
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [id, timestamp, value] = line.split(',');
    if (!bySeries.has(id)) bySeries.set(id, []);
    bySeries.get(id).push({ timestamp, value: Number(value) });
  }
  return bySeries;
}

const train = readLong(join(data, 'train.csv'));
const test = readLong(join(data, 'test.csv'));
/** The full training set's mean |y_t - y_{t-24}|: MASE's scale, the same for every L. */
const scale = new Map(
  [...train].map(([id, rows]) => {
    let sum = 0;
    for (let t = 24; t < rows.length; t++) sum += Math.abs(rows[t].value - rows[t - 24].value);
    return [id, sum / (rows.length - 24)];
  }),
);

console.log(
  `cdf forecast on the M4 hourly dev set cut to its last L hours (${train.size} series, h = ${HORIZON})`,
);
console.log(
  '| L (h) | p50 sMAPE % | MASE | scaled pinball P50 / P75 / P90 / P95 / P99 | coverage P50 / P75 / P90 / P95 / P99 |',
);
console.log('| --- | --- | --- | --- | --- |');
for (const length of lengths) {
  const out = join(dir, `last-${length}`);
  if (!existsSync(join(out, 'scenarios.csv'))) {
    mkdirSync(out, { recursive: true });
    const input = join(dir, `train-last-${length}.csv`);
    const lines = ['series_id,timestamp,value'];
    for (const [id, rows] of train)
      for (const r of rows.slice(-length)) lines.push(`${id},${r.timestamp},${r.value}`);
    writeFileSync(input, `${lines.join('\n')}\n`);
    const cmd = ['forecast', '--input', input, '--target', 'value', '--id-col', 'series_id'];
    execFileSync('node', [cli, ...cmd, '--horizon', String(HORIZON), '--out', out, '-q'], {
      stdio: 'inherit',
    });
  }
  const forecasts = readQuantileForecasts(join(out, 'scenarios.csv'));
  const scores = new ScaledScores();
  for (const [id, actual] of test) {
    const f = forecasts.get(id);
    if (f === undefined) throw new Error(`series ${id}: no forecast in ${out}/scenarios.csv`);
    actual.slice(0, HORIZON).forEach(({ value }, h) => {
      scores.add(value, f[h], scale.get(id));
    });
  }
  console.log(`| ${length} | ${scores.cells(3, 4)} |`);
}
