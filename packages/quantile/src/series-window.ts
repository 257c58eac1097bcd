import type { Series } from '@cdf/core';

/** The first `end` points of a series (the history at an origin), as a valid series of copies. */
export function seriesHead(series: Series, end: number): Series {
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(series.columns)) columns[name] = column.slice(0, end);
  return {
    ...series,
    timestamps: series.timestamps.slice(0, end),
    values: columns[series.target]!,
    filled: series.filled.slice(0, end),
    columns,
  };
}
