import { CdfError, CdfErrorCode } from '@cdf/core';
import type { PrepareInput } from './loaded-table.ts';
import type { SeriesRows } from './prepare-one-series.ts';

/** The id of the one series of a table without ids. */
export const DEFAULT_SERIES_ID = 'default';

/**
 * Split a long table by id into the rows of each series, in order of first appearance, each
 * series' rows in file order (a counting sort: two passes, no per-row objects). A table without
 * ids is one series, `default`, sharing the table's arrays. An empty id is `INVALID_VALUE`.
 */
export function splitById(table: PrepareInput): SeriesRows[] {
  const { ids, timestamps, columns } = table;
  const sourceRows = table.sourceRows ?? null;
  if (!ids) return [{ id: DEFAULT_SERIES_ID, timestamps, columns, sourceRows }];

  const n = timestamps.length;
  const indexOf = new Map<string, number>();
  const seriesOf = new Uint32Array(n);
  const counts: number[] = [];
  let lastId: string | undefined;
  let lastSeries = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (id === lastId) {
      seriesOf[i] = lastSeries;
      counts[lastSeries]!++;
      continue; // long tables sorted by id repeat the id row after row
    }
    let s = indexOf.get(id);
    if (s === undefined) {
      if (id === '') {
        throw new CdfError(CdfErrorCode.InvalidValue, 'empty series id', {
          file: table.source,
          row: sourceRows ? sourceRows[i]! : i + 1,
          column: table.idCol,
          expected: 'a series id',
        });
      }
      s = counts.length;
      indexOf.set(id, s);
      counts.push(0);
    }
    seriesOf[i] = s;
    counts[s]!++;
    lastId = id;
    lastSeries = s;
  }
  const offsets = new Uint32Array(counts.length + 1);
  for (let s = 0; s < counts.length; s++) offsets[s + 1] = offsets[s]! + counts[s]!;
  const cursor = offsets.slice(0, counts.length);
  const rowsBySeries = new Uint32Array(n);
  for (let i = 0; i < n; i++) rowsBySeries[cursor[seriesOf[i]!]!++] = i;

  const result: SeriesRows[] = [];
  for (const [id, s] of indexOf) {
    const rows = rowsBySeries.subarray(offsets[s]!, offsets[s + 1]!);
    const seriesColumns: Record<string, Float64Array> = {};
    for (const [name, column] of Object.entries(columns)) seriesColumns[name] = gatherRows(column, rows);
    const seriesRows = new Uint32Array(rows.length);
    for (let k = 0; k < rows.length; k++) seriesRows[k] = sourceRows ? sourceRows[rows[k]!]! : rows[k]! + 1;
    result.push({
      id,
      timestamps: gatherRows(timestamps, rows),
      columns: seriesColumns,
      sourceRows: seriesRows,
    });
  }
  return result;
}

function gatherRows(source: Float64Array, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = source[rows[k]!]!;
  return out;
}
