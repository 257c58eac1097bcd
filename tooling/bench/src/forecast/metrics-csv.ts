import { writeFileSync } from 'node:fs';
import { toIsoUtc } from '@cdf/core';

/** Write columns as a metrics CSV (`timestamp` first, ISO 8601 UTC), rows `[from, to)`, optionally with a series id column. */
export function writeMetricsCsv(
  path: string,
  timestamps: ArrayLike<number>,
  columns: Record<string, ArrayLike<number>>,
  from = 0,
  to = timestamps.length,
): void {
  const names = Object.keys(columns);
  const lines = [['timestamp', ...names].join(',')];
  for (let i = from; i < to; i++)
    lines.push([toIsoUtc(timestamps[i]!), ...names.map((n) => String(columns[n]![i]))].join(','));
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Write many series as one long CSV (`timestamp,series_id,...`), for `cdf forecast --id-col series_id`. */
export function writeLongCsv(
  path: string,
  series: ReadonlyArray<{
    id: string;
    timestamps: ArrayLike<number>;
    columns: Record<string, ArrayLike<number>>;
  }>,
  names: readonly string[],
): void {
  const lines = [['timestamp', 'series_id', ...names].join(',')];
  for (const s of series) {
    for (let i = 0; i < s.timestamps.length; i++) {
      lines.push([toIsoUtc(s.timestamps[i]!), s.id, ...names.map((n) => String(s.columns[n]![i]))].join(','));
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}
