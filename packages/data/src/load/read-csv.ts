import { CdfError, CdfErrorCode } from '@cdf/core';
import type { ColumnAccumulator } from './column-accumulator.ts';
import { type CsvFields, CsvRecordReader } from './csv-records.ts';
import type { LoadedTable, LoadOptions } from './load-options.ts';
import { resolveColumns } from './resolve-columns.ts';
import { TableBuilder } from './table-builder.ts';

/**
 * Reads a CSV table from text chunks (a file stream decoded as UTF-8, any chunk size). The
 * first non-blank record is the header (names trimmed; an empty name becomes `column<N>`);
 * blank lines are skipped but counted, so row R is on line R + 1. Rows with another field
 * count than the header are INVALID_VALUE. Memory holds only the typed columns being filled and
 * one chunk of text, never the whole file or an object per row.
 */
export async function readCsvTable(
  chunks: AsyncIterable<string>,
  file: string,
  options: LoadOptions,
): Promise<LoadedTable> {
  let builder: TableBuilder | undefined;
  let headerRecord = -1;
  let width = 0;
  let timeIndex = -1;
  let idIndex = -1;
  let valueIndexes: number[] = [];
  let values: ColumnAccumulator[] = [];

  const onHeader = (fields: CsvFields, count: number, record: number): void => {
    headerRecord = record;
    width = count;
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const name = fields.value(i).trim() || `column${i + 1}`;
      if (names.includes(name)) {
        throw new CdfError(CdfErrorCode.InvalidValue, `duplicate column name "${name}" in the header`, {
          file,
          row: 0,
          column: name,
          expected: 'unique column names',
        });
      }
      names.push(name);
    }
    const roles = resolveColumns(file, names, options);
    builder = new TableBuilder(file, roles, options);
    timeIndex = names.indexOf(roles.timeCol);
    idIndex = roles.idCol === undefined ? -1 : names.indexOf(roles.idCol);
    valueIndexes = [];
    values = [];
    names.forEach((name, i) => {
      if (i === timeIndex || i === idIndex) return;
      valueIndexes.push(i);
      values.push(builder!.addColumn(name));
    });
  };

  const reader = new CsvRecordReader((fields, count, record) => {
    if (count === 0) return;
    if (builder === undefined) {
      onHeader(fields, count, record);
      return;
    }
    const row = record - headerRecord;
    if (count !== width) {
      throw new CdfError(CdfErrorCode.InvalidValue, `row has ${count} fields`, {
        file,
        row,
        expected: `${width} fields like the header`,
      });
    }
    builder.sourceRows.push(row);
    const { text, start, end, unescaped } = fields;
    const time = unescaped[timeIndex];
    builder.timestamps.push(
      time === undefined
        ? builder.time.readRange(text, start[timeIndex]!, end[timeIndex]!, row)
        : builder.time.readText(time, row),
    );
    if (idIndex >= 0) builder.pushId(fields.value(idIndex), row);
    for (let j = 0; j < values.length; j++) {
      const i = valueIndexes[j]!;
      const cell = unescaped[i];
      if (cell === undefined) values[j]!.pushRange(text, start[i]!, end[i]!, row);
      else values[j]!.pushText(cell, row);
    }
  }, file);

  let first = true;
  for await (const chunk of chunks) {
    if (first && chunk.length > 0) {
      reader.push(chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
      first = false;
    } else {
      reader.push(chunk);
    }
  }
  reader.end();
  if (builder === undefined)
    throw new CdfError(CdfErrorCode.EmptyInput, 'no header and no data rows', { file });
  return builder.finish();
}
