import { CdfError, CdfErrorCode, DAY_MS } from '@cdf/core';
import {
  type AsyncBuffer,
  asyncBufferFromFile,
  type ColumnData,
  type FileMetaData,
  type ParquetParsers,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type SchemaElement,
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { ColumnAccumulator } from './column-accumulator.ts';
import type { LoadedTable, LoadOptions } from './load-options.ts';
import { resolveColumns } from './resolve-columns.ts';
import { TableBuilder } from './table-builder.ts';

/** Parquet temporal values decoded straight to epoch milliseconds (numbers, not Dates). */
const EPOCH_PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis: bigint) => Number(millis),
  timestampFromMicroseconds: (micros: bigint) => Math.round(Number(micros) / 1000),
  timestampFromNanoseconds: (nanos: bigint) => Math.round(Number(nanos / 1000n) / 1000),
  dateFromDays: (days: number) => days * DAY_MS,
};

/** How a Parquet time column's values are read. */
type TimeEncoding = 'instant' | 'wall-clock' | 'value';

/**
 * Instant for TIMESTAMP adjusted to UTC (and legacy TIMESTAMP_MILLIS/MICROS, INT96); wall clock
 * (read in the configured zone) for DATE and TIMESTAMP with isAdjustedToUTC = false; otherwise the
 * values are read like text or numbers in other formats.
 */
function timeEncoding(element: SchemaElement): TimeEncoding {
  const logical = element.logical_type;
  if (logical?.type === 'TIMESTAMP') return logical.isAdjustedToUTC ? 'instant' : 'wall-clock';
  if (element.converted_type === 'DATE' || logical?.type === 'DATE') return 'wall-clock';
  if (element.converted_type === 'TIMESTAMP_MILLIS' || element.converted_type === 'TIMESTAMP_MICROS')
    return 'instant';
  if (element.type === 'INT96') return 'instant';
  return 'value';
}

function unreadable(file: string, cause: unknown): CdfError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new CdfError(CdfErrorCode.UnsupportedFormat, `cannot read as Parquet: ${reason}`, {
    file,
    expected: 'a valid Parquet file',
    cause,
  });
}

/** The values of one column in row order, from the chunks `parquetRead` emitted. */
function columnValues(chunks: ColumnData[]): ArrayLike<unknown>[] {
  return chunks
    .sort((a, b) => a.rowStart - b.rowStart)
    .map((chunk) => chunk.columnData as ArrayLike<unknown>);
}

/**
 * Reads a Parquet file with hyparquet (codecs from hyparquet-compressors: snappy, gzip, zstd,
 * brotli, lz4). Time columns may be TIMESTAMP (ms/us/ns, INT96), DATE, strings, or numbers;
 * value columns any integer (BigInt is converted to Number), float or decimal type; strings
 * holding numbers are read like CSV cells; booleans, nested and other columns are text. Nulls
 * are missing. Row R is the R-th record. The file is read column by column into typed arrays.
 */
export async function readParquetTable(
  path: string,
  file: string,
  options: LoadOptions,
): Promise<LoadedTable> {
  let buffer: AsyncBuffer;
  let metadata: FileMetaData;
  try {
    buffer = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(buffer);
  } catch (cause) {
    throw unreadable(file, cause);
  }
  const schema = parquetSchema(metadata);
  const elements = new Map(schema.children.map((child) => [child.element.name, child.element]));
  const names = [...elements.keys()];
  const roles = resolveColumns(file, names, options);
  const rows = Number(metadata.num_rows);
  if (rows === 0) throw new CdfError(CdfErrorCode.EmptyInput, 'no data rows', { file });

  const chunks = new Map<string, ColumnData[]>(names.map((name) => [name, []]));
  try {
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      parsers: EPOCH_PARSERS,
      onChunk: (chunk) => chunks.get(chunk.columnName)?.push(chunk),
    });
  } catch (cause) {
    throw unreadable(file, cause);
  }

  const builder = new TableBuilder(file, roles, options);
  for (let row = 1; row <= rows; row++) builder.sourceRows.push(row);
  readTimeColumn(
    builder,
    columnValues(chunks.get(roles.timeCol)!),
    timeEncoding(elements.get(roles.timeCol)!),
  );
  if (roles.idCol !== undefined) {
    let row = 0;
    for (const part of columnValues(chunks.get(roles.idCol)!)) {
      for (let i = 0; i < part.length; i++) {
        const id = part[i];
        row++;
        builder.pushId(id === null || id === undefined ? '' : String(id), row);
      }
    }
  }
  for (const name of names) {
    if (name === roles.timeCol || name === roles.idCol) continue;
    const column = builder.addColumn(name);
    let row = 0;
    for (const part of columnValues(chunks.get(name)!)) row = readValues(column, part, row);
    chunks.delete(name);
  }
  const table = builder.finish();
  if (table.timestamps.length !== rows) {
    throw unreadable(file, new Error(`read ${table.timestamps.length} of ${rows} rows`));
  }
  return table;
}

function readTimeColumn(builder: TableBuilder, parts: ArrayLike<unknown>[], encoding: TimeEncoding): void {
  const time = builder.time;
  let row = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const value = part[i];
      row++;
      let ms: number;
      if (value === null || value === undefined) throw time.emptyError(row);
      if (encoding === 'instant') ms = time.readInstant(Number(value), row);
      else if (encoding === 'wall-clock') ms = time.readWallClock(Number(value), row);
      else if (typeof value === 'string') ms = time.readText(value, row);
      else if (typeof value === 'number' || typeof value === 'bigint')
        ms = time.readNumber(Number(value), row);
      else ms = time.readText(String(value), row);
      builder.timestamps.push(ms);
    }
  }
}

/** Adds the values of one chunk, whose first row follows `lastRow`; returns its last row. */
function readValues(column: ColumnAccumulator, part: ArrayLike<unknown>, lastRow: number): number {
  let row = lastRow;
  for (let i = 0; i < part.length; i++) {
    const value = part[i];
    row++;
    if (typeof value === 'number') column.pushNumber(value, row);
    else if (typeof value === 'bigint') column.pushNumber(Number(value), row, String(value));
    else if (value === null || value === undefined) column.pushMissing();
    else if (typeof value === 'string') column.pushText(value, row);
    else column.pushNonNumeric(typeof value === 'object' ? safeJson(value) : String(value), row);
  }
  return row;
}

function safeJson(value: object): string {
  try {
    return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? String(v) : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
