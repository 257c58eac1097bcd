import { CdfError, CdfErrorCode } from '@cdf/core';
import { TimestampReader } from '../timestamp/timestamp-reader.ts';
import { ColumnAccumulator } from './column-accumulator.ts';
import { GrowableFloat64Array, GrowableUint32Array } from './growable-array.ts';
import type { LoadedTable, LoadOptions } from './load-options.ts';
import type { ResolvedColumns } from './resolve-columns.ts';

/**
 * Collects a table row by row (or column by column for Parquet) while a reader streams a file:
 * timestamps, source rows, series ids and one {@link ColumnAccumulator} per other column.
 * `finish` checks that every column has one value per row and returns the `LoadedTable`.
 */
export class TableBuilder {
  /** The path as given. */
  readonly file: string;
  /** Resolved column roles. */
  readonly roles: ResolvedColumns;
  /** Reads the time column. */
  readonly time: TimestampReader;
  /** Epoch ms per row. */
  readonly timestamps = new GrowableFloat64Array();
  /** Source row per row. */
  readonly sourceRows = new GrowableUint32Array();
  /** Series id per row, for a long table. */
  readonly ids: string[] | undefined;
  /** The other columns, in file order. */
  readonly columns: ColumnAccumulator[] = [];
  private readonly idPool = new Map<string, string>();

  /** A builder for `file` with resolved roles; throws INVALID_CONFIG for an unknown time zone. */
  constructor(file: string, roles: ResolvedColumns, options: LoadOptions) {
    this.file = file;
    this.roles = roles;
    this.time = new TimestampReader({ timeZone: options.timeZone ?? 'UTC', file, column: roles.timeCol });
    this.ids = roles.idCol === undefined ? undefined : [];
  }

  /** Adds an accumulator for a value column that starts with `previousRows` missing cells. */
  addColumn(name: string, previousRows = 0): ColumnAccumulator {
    const column = new ColumnAccumulator(name, {
      file: this.file,
      isTarget: name === this.roles.target,
      previousRows,
    });
    this.columns.push(column);
    return column;
  }

  /**
   * Appends the series id of `row`. Ids are interned: one string per distinct id, copied so that
   * it does not pin the chunk of text it was cut from.
   */
  pushId(raw: string, row: number): void {
    let id = this.idPool.get(raw);
    if (id === undefined) {
      if (raw.trim() === '') {
        throw new CdfError(CdfErrorCode.InvalidValue, 'empty series id', {
          file: this.file,
          row,
          column: this.roles.idCol,
          value: raw,
          expected: 'a series id',
        });
      }
      id = Buffer.from(raw, 'utf8').toString('utf8');
      this.idPool.set(id, id);
    }
    this.ids!.push(id);
  }

  /** The table: EMPTY_INPUT when no row was read, MISSING_COLUMN when the target never appeared. */
  finish(): LoadedTable {
    const rows = this.timestamps.length;
    if (rows === 0) {
      throw new CdfError(CdfErrorCode.EmptyInput, 'no data rows', { file: this.file });
    }
    const { timeCol, target, idCol } = this.roles;
    const columns: Record<string, Float64Array> = {};
    const missing: Record<string, number> = {};
    const textColumns: string[] = [];
    for (const column of this.columns) {
      const values = column.finish();
      if (values === undefined) {
        textColumns.push(column.name);
        continue;
      }
      if (values.length !== rows) {
        throw new Error(`internal: column "${column.name}" has ${values.length} values for ${rows} rows`);
      }
      columns[column.name] = values;
      missing[column.name] = column.missing;
    }
    const table: LoadedTable = {
      timestamps: this.timestamps.finish(),
      columns,
      sourceRows: this.sourceRows.finish(),
      source: this.file,
      target,
      timeCol,
      timestampFormat: this.time.format!,
      textColumns,
      missing,
    };
    if (this.ids !== undefined) {
      table.ids = this.ids;
      table.idCol = idCol;
    }
    return table;
  }
}
