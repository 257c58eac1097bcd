// Series for the backtests: synthetic demand, ServeGen requests and M4 hourly, as plain Series.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PlannedEvent, PlannedEventSchema, type Series } from '@cdf/core';
import { generateSynthetic } from '@cdf/data';
import { datasetsDir, repoRootOf } from '@cdf/eval';

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

/** A bench series with what is known about it besides its values. */
export interface BenchSeries {
  series: Series;
  /** Launches known in advance (the synthetic generator's launch file), else none. */
  planned: PlannedEvent[];
  /** 1 where the ground truth says an event (any type) is under way; absent when unknown. */
  event?: Uint8Array;
}

/**
 * Two years of hourly synthetic demand (compute_tflops) for `seed`, its launch file as planned
 * events (launches are announced ahead: a backtest origin may know every launch) and the
 * ground-truth event rows.
 */
export function syntheticSeries(seed: number): BenchSeries {
  const data = generateSynthetic({ start: '2023-01-01', end: '2025-01-01', seed });
  const series = toSeries(
    `synthetic-${seed}`,
    'compute_tflops',
    data.timestamps,
    data.columns.compute_tflops!,
  );
  const planned = data.plannedLaunches.map((launch) => parsePlannedEvent(launch));
  const event = Uint8Array.from(data.eventType, (type) => (type === '' ? 0 : 1));
  return { series, planned, event };
}

function parsePlannedEvent(raw: unknown): PlannedEvent {
  return PlannedEventSchema.parse(raw);
}

/** A file of the shared datasets (`datasetsDir`: $CDF_DATASETS, ../shared/datasets, /work/shared/datasets). */
export function sharedDataset(...parts: string[]): string {
  return join(datasetsDir(repoRootOf()), ...parts);
}

/**
 * The ServeGen mid-size model: requests per hour over 14 days. Its 8 hours of exactly 0 requests
 * and 9 hours of 5-27 thousand (in a series of 2.7-11.7 million an hour, mid-day included, next
 * to the zeros) are logging gaps, not demand: every value under 1% of the series' median is
 * marked filled (linear interpolation between observed neighbours), so no model learns from it
 * and no metric scores it.
 */
export function servegenSeries(path = sharedDataset('servegen', 'm-mid-hourly.csv')): Series {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const times = Float64Array.from(lines, (line) => Date.parse(line.split(',')[0]!));
  const values = Float64Array.from(lines, (line) => Number(line.split(',')[1]));
  const series = toSeries('servegen-m-mid', 'request_count', times, values);
  const sorted = Float64Array.from(values).sort();
  const cut = 0.01 * sorted[sorted.length >> 1]!;
  const gap = Uint8Array.from(values, (v) => (v < cut ? 1 : 0));
  for (let i = 0; i < values.length; i++) {
    if (gap[i] !== 1) continue;
    series.filled[i] = 1;
    let before = i - 1;
    while (before >= 0 && gap[before] === 1) before--;
    let after = i + 1;
    while (after < values.length && gap[after] === 1) after++;
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

/** Points `from .. to - 1` of a series, as a valid series of copies. */
export function seriesSlice(series: Series, from: number, to: number): Series {
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(series.columns)) columns[name] = column.slice(from, to);
  return {
    ...series,
    timestamps: series.timestamps.slice(from, to),
    values: columns[series.target]!,
    filled: series.filled.slice(from, to),
    columns,
  };
}
