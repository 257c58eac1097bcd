#!/usr/bin/env node
// Accuracy sanity check on M4 hourly (/work/shared/datasets/m4-hourly, long format
// series_id,timestamp,value): sMAPE at h = 48 of each baseline on the first N series (default
// 20), against seasonal naive. Run after a build (see measure-speed.mjs):
//   node packages/baseline/scripts/m4-accuracy.mjs [N] [dataset dir] [model filter]
// The model filter keeps models whose label contains it (e.g. `multiplicative`); seasonal
// naive (day) always runs, as the reference.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createMstlBaseline,
  createProphetBaseline,
  createSeasonalNaiveBaseline,
  smape,
} from '../dist/index.js';

const N = Number(process.argv[2] ?? 20);
const DIR = process.argv[3] ?? '/work/shared/datasets/m4-hourly';
const H = 48;

function readLong(file) {
  const bySeries = new Map();
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const [id, ts, value] = line.split(',');
    if (!bySeries.has(id)) bySeries.set(id, { t: [], v: [] });
    const s = bySeries.get(id);
    s.t.push(Date.parse(ts));
    s.v.push(Number(value));
  }
  return bySeries;
}

function toSeries(id, { t, v }) {
  const values = Float64Array.from(v);
  return {
    id,
    target: 'value',
    stepMs: t[1] - t[0],
    timestamps: Float64Array.from(t),
    values,
    filled: new Uint8Array(v.length),
    columns: { value: values },
    timeZone: 'UTC',
  };
}

const train = readLong(join(DIR, 'train.csv'));
const test = readLong(join(DIR, 'test.csv'));
const ids = [...train.keys()].slice(0, N);
const FILTER = process.argv[4];
const allModels = [
  ['seasonal naive (day)', () => createSeasonalNaiveBaseline()],
  ['seasonal naive (week)', () => createSeasonalNaiveBaseline({ season: 'week' })],
  ['mstl + ets', () => createMstlBaseline()],
  ['prophet additive', () => createProphetBaseline()],
  ['prophet multiplicative', () => createProphetBaseline({ seasonalityMode: 'multiplicative' })],
];
const models = allModels.filter(
  ([label]) => !FILTER || label === 'seasonal naive (day)' || label.includes(FILTER),
);
const totals = new Map(models.map(([label]) => [label, { smape: 0, n: 0, fallbacks: 0, ms: 0, notes: [] }]));
for (const id of ids) {
  const series = toSeries(id, train.get(id));
  const actual = test.get(id).v.slice(0, H);
  for (const [label, make] of models) {
    const t0 = performance.now();
    const fitted = await make().fit({ series });
    const point = fitted.predict({ horizon: H }).point;
    const total = totals.get(label);
    total.ms += performance.now() - t0;
    total.smape += smape(actual, point);
    total.n++;
    total.fallbacks += fitted.fallbacks;
    for (const note of fitted.notes) if (note.includes('failed')) total.notes.push(`${id}: ${note}`);
  }
}
console.log(`M4 hourly, first ${ids.length} series, h = ${H}: mean sMAPE (%)`);
const naive = totals.get('seasonal naive (day)').smape / ids.length;
for (const [label, t] of totals) {
  const mean = t.smape / t.n;
  console.log(
    `${label.padEnd(24)} sMAPE ${mean.toFixed(2).padStart(6)}   vs naive ${(mean / naive).toFixed(3)}   fallbacks ${t.fallbacks}   ${(t.ms / t.n).toFixed(0)} ms/series`,
  );
  for (const note of t.notes) console.log(`    ${note}`);
}
