import { CdfError, CdfErrorCode } from '@cdf/core';
import type { PrepareInput } from './loaded-table.ts';

/**
 * Check what prepare relies on and a loader normally guarantees, so a table built in memory
 * fails with a clear CdfError rather than wrong numbers: aligned columns, finite timestamps,
 * cells finite or NaN (missing), a target column that exists and is never negative.
 */
export function checkTable(table: PrepareInput, target: string): void {
  const { timestamps, columns, ids } = table;
  const n = timestamps.length;
  const file = table.source;
  const rowOf = (i: number): number => (table.sourceRows ? table.sourceRows[i]! : i + 1);
  if (n === 0) throw new CdfError(CdfErrorCode.EmptyInput, 'the table has no rows', { file });
  if (!(target in columns)) {
    const names = Object.keys(columns);
    throw new CdfError(CdfErrorCode.MissingColumn, `target column "${target}" not found`, {
      file,
      column: target,
      expected: names.length > 0 ? `one of ${names.join(', ')} (or pass --target)` : 'a numeric column',
    });
  }
  if (ids && ids.length !== n) {
    throw new CdfError(CdfErrorCode.SchemaMismatch, `the table has ${ids.length} ids for ${n} rows`, {
      file,
    });
  }
  if (table.sourceRows && table.sourceRows.length !== n) {
    throw new CdfError(
      CdfErrorCode.SchemaMismatch,
      `the table has ${table.sourceRows.length} source rows for ${n} rows`,
      {
        file,
      },
    );
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(timestamps[i]!)) {
      throw new CdfError(CdfErrorCode.InvalidTimestamp, 'the timestamp is not a finite instant', {
        file,
        row: rowOf(i),
        column: table.timeCol,
        value: String(timestamps[i]),
      });
    }
  }
  for (const [name, column] of Object.entries(columns)) {
    if (column.length !== n) {
      throw new CdfError(CdfErrorCode.SchemaMismatch, `column has ${column.length} values for ${n} rows`, {
        file,
        column: name,
      });
    }
    const isTarget = name === target;
    for (let i = 0; i < n; i++) {
      const v = column[i]!;
      if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY || (isTarget && v < 0)) {
        throw new CdfError(
          CdfErrorCode.InvalidValue,
          isTarget ? 'demand must not be negative' : 'not a finite number',
          {
            file,
            row: rowOf(i),
            column: name,
            value: String(v),
            expected: isTarget ? 'a finite number >= 0' : 'a finite number',
          },
        );
      }
    }
  }
}
