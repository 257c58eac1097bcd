import { CdfError, CdfErrorCode } from '@cdf/core';
import type { ColumnAccumulator } from './column-accumulator.ts';
import type { LoadedTable, LoadOptions } from './load-options.ts';
import { missingColumn, resolveRoles, resolveTimeColumn } from './resolve-columns.ts';
import { TableBuilder } from './table-builder.ts';

/**
 * Turns JSON records (objects, one per row) into a table, for JSON arrays and NDJSON alike.
 * The first record's keys decide the time column; a key first seen later becomes a column
 * whose earlier rows are missing. Values: numbers, numeric strings (`"12.5"`, read like a CSV
 * cell, as some exporters quote numbers), `null`/absent/`""` (missing), anything else is text.
 * Timestamps may be strings (ISO 8601 or epoch text) or numbers (epoch seconds/ms).
 */
export class JsonRecordSink {
  private readonly file: string;
  private readonly options: LoadOptions;
  private builder: TableBuilder | undefined;
  private readonly known = new Map<string, ColumnAccumulator>();
  private timeCol = '';
  private idCol: string | undefined;

  /** `file` is the path as given, for messages. */
  constructor(file: string, options: LoadOptions) {
    this.file = file;
    this.options = options;
  }

  /** Adds the record of data row `row` (1-based). */
  add(record: unknown, row: number): void {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new CdfError(CdfErrorCode.InvalidValue, 'record is not a JSON object', {
        file: this.file,
        row,
        value: JSON.stringify(record) ?? String(record),
        expected: 'an object with one key per column',
      });
    }
    const rec = record as Record<string, unknown>;
    const builder = this.builder ?? this.start(rec);
    const rowIndex = builder.timestamps.length;
    builder.sourceRows.push(row);
    builder.timestamps.push(this.readTime(builder, rec[this.timeCol], row));
    if (this.idCol !== undefined) {
      const id = rec[this.idCol];
      builder.pushId(typeof id === 'string' ? id : typeof id === 'number' ? String(id) : '', row);
    }
    const known = this.known;
    for (const column of builder.columns) pushValue(column, rec[column.name], row);
    for (const key of Object.keys(rec)) {
      if (known.has(key) || key === this.timeCol || key === this.idCol) continue;
      const column = builder.addColumn(key, rowIndex);
      known.set(key, column);
      pushValue(column, rec[key], row);
    }
  }

  /** The table; EMPTY_INPUT without records, MISSING_COLUMN when no record had the target. */
  finish(): LoadedTable {
    const builder = this.builder;
    if (builder === undefined) throw new CdfError(CdfErrorCode.EmptyInput, 'no records', { file: this.file });
    const target = builder.roles.target;
    if (!this.known.has(target)) {
      const found = [this.timeCol, ...(this.idCol === undefined ? [] : [this.idCol]), ...this.known.keys()];
      throw missingColumn(this.file, target, found, 'target');
    }
    return builder.finish();
  }

  private start(rec: Record<string, unknown>): TableBuilder {
    const names = Object.keys(rec);
    this.timeCol = resolveTimeColumn(this.file, names, this.options);
    const roles = resolveRoles(this.timeCol, this.options);
    if (roles.idCol !== undefined && !names.includes(roles.idCol)) {
      throw missingColumn(this.file, roles.idCol, names, 'id');
    }
    this.idCol = roles.idCol;
    const builder = new TableBuilder(this.file, roles, this.options);
    for (const name of names) {
      if (name === this.timeCol || name === this.idCol) continue;
      this.known.set(name, builder.addColumn(name));
    }
    this.builder = builder;
    return builder;
  }

  private readTime(builder: TableBuilder, value: unknown, row: number): number {
    if (typeof value === 'string') return builder.time.readText(value, row);
    if (typeof value === 'number') return builder.time.readNumber(value, row);
    if (value === null || value === undefined) throw builder.time.emptyError(row);
    return builder.time.readText(JSON.stringify(value), row);
  }
}

function pushValue(column: ColumnAccumulator, value: unknown, row: number): void {
  if (typeof value === 'number') column.pushNumber(value, row);
  else if (typeof value === 'string') column.pushText(value, row);
  else if (value === null || value === undefined) column.pushMissing();
  else column.pushNonNumeric(typeof value === 'object' ? JSON.stringify(value) : String(value), row);
}
