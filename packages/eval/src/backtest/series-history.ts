import type { Series } from '@cdf/core';

/**
 * Points `[0, end)` of a series as a new series whose arrays are copies (`slice`, never
 * `subarray`): a forecaster handed it cannot reach later points through a shared buffer.
 */
export function historyBefore(series: Series, end: number): Series {
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(series.columns)) columns[name] = column.slice(0, end);
  const values = columns[series.target] ?? series.values.slice(0, end);
  columns[series.target] = values;
  return {
    ...series,
    timestamps: series.timestamps.slice(0, end),
    values,
    filled: series.filled.slice(0, end),
    columns,
  };
}
