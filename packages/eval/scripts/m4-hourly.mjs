#!/usr/bin/env node
// M4 hourly benchmark of the cdf baselines with the @cdf/eval backtest engine.
// Data: ../shared/datasets/m4-hourly (the even-numbered half of M4 hourly, 207 series; train.csv and
// test.csv in long format series_id,timestamp,value; M4 competition). Each series is its train
// followed by its test; a one-origin backtest at horizon 48 scores exactly the M4 test window.
// Prints sMAPE, MASE, OWA (vs Naive2 on the same series) per model, the published all-414 scores
// beside them, and the run time. Build first: pnpm exec turbo run build --filter=@cdf/eval...
//   node packages/eval/scripts/m4-hourly.mjs [--data DIR] [--models ensemble,mstl,...] [--limit N] [--json FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensembleBaseline, mstlBaseline, prophetBaseline, seasonalNaiveBaseline } from '@cdf/baseline';
import {
  backtest,
  baselineForecaster,
  datasetsDir,
  M4_HOURLY_SHOWN,
  naive2,
  owa,
  parseM4Published,
  seasonalNaive,
  summariseBacktests,
} from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const DATA = flag('--data', join(datasetsDir(resolve(here, '../../..')), 'm4-hourly'));
const LIMIT = Number(flag('--limit', 'Infinity'));
const H = 48;
const M = 24;

// Every model the script knows; `--models` picks some (Naive2 always runs: OWA needs it).
const ensembleMember = (name) => ({
  forecaster: () => baselineForecaster(ensembleBaseline, { params: { candidates: [name], combine: 1 } }),
});
const MODELS = {
  naive2: {
    forecaster:
      () =>
      ({ history, horizon }) => ({ point: naive2(history.values, horizon, M) }),
  },
  snaive: {
    forecaster:
      () =>
      ({ history, horizon }) => ({ point: seasonalNaive(history.values, horizon, M) }),
  },
  'seasonal-naive-week': {
    forecaster: () => baselineForecaster(seasonalNaiveBaseline, { params: { season: 'week' } }),
  },
  'week-profile-3-level': ensembleMember('week-profile-3-level'),
  'day-profile-7-level': ensembleMember('day-profile-7-level'),
  mstl: { forecaster: () => baselineForecaster(mstlBaseline) },
  prophet: { forecaster: () => baselineForecaster(prophetBaseline) },
  ensemble: { forecaster: () => baselineForecaster(ensembleBaseline), default: true },
};
const chosen = flag(
  '--models',
  'snaive,seasonal-naive-week,week-profile-3-level,day-profile-7-level,mstl,ensemble',
)
  .split(',')
  .filter((name) => name !== 'naive2');
for (const name of chosen)
  if (!(name in MODELS)) throw new Error(`unknown model ${name}: ${Object.keys(MODELS).join(', ')}`);

function readLong(file) {
  const bySeries = new Map();
  const lines = readFileSync(join(DATA, file), 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const [id, ts, value] = line.split(',');
    let s = bySeries.get(id);
    if (!s) {
      s = { t: [], v: [] };
      bySeries.set(id, s);
    }
    s.t.push(Date.parse(ts));
    s.v.push(Number(value));
  }
  return bySeries;
}

const train = readLong('train.csv');
const test = readLong('test.csv');
const ids = [...train.keys()].slice(0, LIMIT);
const series = ids.map((id) => {
  const a = train.get(id);
  const b = test.get(id);
  const values = Float64Array.from([...a.v, ...b.v.slice(0, H)]);
  const timestamps = Float64Array.from([...a.t, ...b.t.slice(0, H)]);
  return {
    id,
    target: 'value',
    stepMs: 3_600_000,
    timestamps,
    values,
    filled: new Uint8Array(values.length),
    columns: { value: values },
    timeZone: 'UTC',
  };
});

const rows = [];
for (const name of ['naive2', ...chosen]) {
  const started = performance.now();
  const results = [];
  for (const s of series) {
    results.push(
      await backtest({
        series: s,
        horizon: H,
        origins: 1,
        forecaster: MODELS[name].forecaster(),
        metrics: ['smape', 'mase'],
        seasonalPeriod: M,
      }),
    );
  }
  const summary = summariseBacktests(results);
  rows.push({
    name,
    smape: summary.overall.smape,
    mase: summary.overall.mase,
    seconds: (performance.now() - started) / 1000,
    summary,
  });
  process.stderr.write(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
const reference = rows[0];
for (const row of rows) row.owa = owa(row, reference);

const published = parseM4Published(readFileSync(join(DATA, 'published-results-all-414.csv'), 'utf8'));
const shown = new Set(M4_HOURLY_SHOWN);

const pad = (s, n) => String(s).padEnd(n);
const num = (v, d = 3) => v.toFixed(d).padStart(8);
console.log(`M4 hourly, ${series.length} series (${DATA}), h = ${H}, MASE period ${M}`);
console.log(`${pad('model', 26)}   sMAPE     MASE      OWA   time (s)`);
for (const r of rows) {
  console.log(
    `${pad(r.name + (MODELS[r.name].default ? ' (default)' : ''), 26)}${num(r.smape)} ${num(r.mase)} ${num(r.owa)} ${num(r.seconds, 1)}`,
  );
}
console.log('\npublished, all 414 series (M4):');
for (const p of published.filter((p) => shown.has(p.name))) {
  console.log(`${pad(p.name, 26)}${num(p.smape)} ${num(p.mase)} ${num(p.owa)}`);
}
const out = flag('--json');
if (out) {
  writeFileSync(
    out,
    `${JSON.stringify({ series: series.length, horizon: H, models: rows.map(({ summary, ...r }) => ({ ...r, perHorizonBucket: summary.perHorizonBucket })), published }, null, 2)}\n`,
  );
}
