// Series for the backtests: synthetic demand, ServeGen requests and M4 hourly, as plain Series.
import { readFileSync } from 'node:fs';
import type { Series } from '@cdf/core';
import { generateSynthetic } from '@cdf/data';

/** A single-column series from times and values (nothing filled). */
export function toSeries(id: string, target: string, times: Float64Array, values: Float64Array): Series {
  return {
    id,
    target,
    stepMs: times[1]! - times[0]!,
    timestamps: times,
    values,
    filled: new Uint8Array(values.length),
    columns: { [target]: values },
    timeZone: 'UTC',
  };
}

/** Two years of hourly synthetic demand (compute_tflops) for `seed`. */
export function syntheticSeries(seed: number): Series {
  const data = generateSynthetic({ start: '2023-01-01', end: '2025-01-01', seed });
  return toSeries(`synthetic-${seed}`, 'compute_tflops', data.timestamps, data.columns.compute_tflops!);
}

/**
 * The ServeGen mid-size model: requests per hour over 14 days. Its 19 hours of exactly 0 requests
 * (in a series of 3-12 million an hour, mid-day included) are logging gaps, not demand: they are
 * marked filled (linear interpolation between observed neighbours), so no model learns from them
 * and no metric scores them.
 */
export function servegenSeries(path = '/work/shared/datasets/servegen/m-mid-hourly.csv'): Series {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const times = Float64Array.from(lines, (line) => Date.parse(line.split(',')[0]!));
  const values = Float64Array.from(lines, (line) => Number(line.split(',')[1]));
  const series = toSeries('servegen-m-mid', 'request_count', times, values);
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== 0) continue;
    series.filled[i] = 1;
    let before = i - 1;
    while (before >= 0 && values[before] === 0) before--;
    let after = i + 1;
    while (after < values.length && values[after] === 0) after++;
    const a = before >= 0 ? values[before]! : values[after]!;
    const b = after < values.length ? values[after]! : a;
    const w = before >= 0 && after < values.length ? (i - before) / (after - before) : 0;
    values[i] = a + (b - a) * w;
  }
  return series;
}

/** M4 hourly in long format (`series_id,timestamp,value`) as series by id, in file order. */
export function readM4(path: string): Map<string, Series> {
  const rows = new Map<string, { t: number[]; v: number[] }>();
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [id, ts, value] = line.split(',');
    let row = rows.get(id!);
    if (!row) {
      row = { t: [], v: [] };
      rows.set(id!, row);
    }
    row.t.push(Date.parse(ts!));
    row.v.push(Number(value));
  }
  const out = new Map<string, Series>();
  for (const [id, { t, v }] of rows)
    out.set(id, toSeries(id, 'value', Float64Array.from(t), Float64Array.from(v)));
  return out;
}
