import { CdfError, CdfErrorCode } from '@cdf/core';
import { parseNabTimestamp } from './nab-timestamp.ts';

/** Columns read from a NAB CSV: timestamps and, when asked for, one numeric column. */
export interface NabCsvColumns {
  /** UTC epoch ms of each row. */
  timestamps: Float64Array;
  /** The requested numeric column, or an empty array when none was requested. */
  values: Float64Array;
}

/**
 * Read a NAB CSV (data file or detector results file) from its text: the `timestamp` column and
 * optionally one numeric column by name (e.g. `anomaly_score`). A hand-rolled reader, because
 * the corpus is ~400k rows per detector and scoring should take well under a second.
 * Throws `CdfError` naming the file, row and column of the first bad cell.
 */
export function parseNabCsv(text: string, file: string, valueColumn?: string): NabCsvColumns {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '').split(',');
  const timeIndex = header.indexOf('timestamp');
  if (timeIndex < 0) {
    throw new CdfError(CdfErrorCode.MissingColumn, 'no "timestamp" column', { file, column: 'timestamp' });
  }
  const valueIndex = valueColumn === undefined ? -1 : header.indexOf(valueColumn);
  if (valueColumn !== undefined && valueIndex < 0) {
    throw new CdfError(CdfErrorCode.MissingColumn, `no "${valueColumn}" column`, {
      file,
      column: valueColumn,
    });
  }
  let rows = lines.length - 1;
  while (rows > 0 && lines[rows]!.trim() === '') rows--;
  const timestamps = new Float64Array(rows);
  const values = new Float64Array(valueIndex < 0 ? 0 : rows);
  for (let r = 1; r <= rows; r++) {
    const cells = lines[r]!.replace(/\r$/, '').split(',');
    timestamps[r - 1] = parseNabTimestamp(cells[timeIndex] ?? '', { file, row: r, column: 'timestamp' });
    if (valueIndex >= 0) {
      const cell = cells[valueIndex] ?? '';
      const value = Number(cell);
      if (cell.trim() === '' || !Number.isFinite(value)) {
        throw new CdfError(CdfErrorCode.InvalidValue, 'not a finite number', {
          file,
          row: r,
          column: valueColumn,
          value: cell,
          expected: 'a finite number',
        });
      }
      values[r - 1] = value;
    }
  }
  return { timestamps, values };
}
