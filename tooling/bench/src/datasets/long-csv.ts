import { readFileSync } from 'node:fs';
import type { Series } from '@cdf/core';

/** Columns of one series read from a long table: timestamps and values, in file order. */
export interface LongSeries {
  timestamps: number[];
  values: number[];
}

/** Read a long CSV `series_id,timestamp,value` (M4's layout here) into series by id, in file order. */
export function readLongCsv(path: string): Map<string, LongSeries> {
  const bySeries = new Map<string, LongSeries>();
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const [id, ts, value] = line.split(',');
    if (id === undefined || ts === undefined || value === undefined)
      throw new Error(`${path}:${i + 1}: expected id,timestamp,value`);
    let s = bySeries.get(id);
    if (!s) {
      s = { timestamps: [], values: [] };
      bySeries.set(id, s);
    }
    s.timestamps.push(Date.parse(ts));
    s.values.push(Number(value));
  }
  return bySeries;
}

/** A regular hourly-or-other Series from arrays already on a fixed step (nothing filled). */
export function seriesOf(
  id: string,
  timestamps: ArrayLike<number>,
  values: ArrayLike<number>,
  target = 'value',
): Series {
  const v = Float64Array.from(values);
  const t = Float64Array.from(timestamps);
  return {
    id,
    target,
    stepMs: t.length > 1 ? t[1]! - t[0]! : 3_600_000,
    timestamps: t,
    values: v,
    filled: new Uint8Array(v.length),
    columns: { [target]: v },
    timeZone: 'UTC',
  };
}
