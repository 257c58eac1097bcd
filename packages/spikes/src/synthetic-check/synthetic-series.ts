import type { Series } from '@cdf/core';

/** The columns of a synthetic (or any columnar) table, as `@cdf/data`'s generator returns them. */
export interface ColumnarTable {
  timestamps: Float64Array;
  columns: Record<string, Float64Array>;
}

/**
 * A regular {@link Series} from a columnar table already on a fixed step (the synthetic
 * generator's output), with nothing filled. For tests and scripts; files go through `loadSeries`.
 */
export function seriesFromColumns(
  table: ColumnarTable,
  target: string,
  stepMs: number,
  id = 'default',
): Series {
  const values = table.columns[target];
  if (values === undefined) throw new Error(`no column ${target}`);
  return {
    id,
    target,
    stepMs,
    timestamps: table.timestamps,
    values,
    filled: new Uint8Array(values.length),
    columns: table.columns,
    timeZone: 'UTC',
  };
}
