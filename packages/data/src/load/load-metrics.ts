import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { CdfError, CdfErrorCode } from '@cdf/core';
import { zoneClock } from '../timestamp/zone-clock.ts';
import { detectFormat } from './detect-format.ts';
import type { DataFormat, LoadedTable, LoadOptions } from './load-options.ts';
import { readCsvTable } from './read-csv.ts';
import { readJsonTable } from './read-json.ts';
import { readNdjsonTable } from './read-ndjson.ts';
import { readParquetTable } from './read-parquet.ts';

/** Bytes read from disk at a time when streaming CSV and NDJSON. */
const CHUNK_BYTES = 1 << 20;

const FORMATS: readonly DataFormat[] = ['csv', 'json', 'ndjson', 'parquet'];

/** Size of a readable, non-empty file; FILE_NOT_FOUND / EMPTY_INPUT otherwise. */
async function fileSize(path: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' || code === 'ENOTDIR' ? 'file not found' : `cannot read file (${code ?? cause})`;
    throw new CdfError(CdfErrorCode.FileNotFound, message, { file: path, cause });
  }
  if (info.isDirectory()) {
    throw new CdfError(CdfErrorCode.FileNotFound, 'is a directory, not a file', { file: path });
  }
  if (info.size === 0) throw new CdfError(CdfErrorCode.EmptyInput, 'file is empty', { file: path });
  return info.size;
}

function resolveFormat(path: string, format: DataFormat | undefined): DataFormat {
  if (format !== undefined) {
    if (!FORMATS.includes(format)) {
      throw new CdfError(CdfErrorCode.InvalidConfig, `unknown format "${format}"`, {
        value: String(format),
        expected: FORMATS.join(', '),
      });
    }
    return format;
  }
  const detected = detectFormat(path);
  if (detected === undefined) {
    throw new CdfError(CdfErrorCode.UnsupportedFormat, 'cannot tell the format from the file extension', {
      file: path,
      expected: `.csv, .json, .ndjson, .jsonl or .parquet, or pass --format ${FORMATS.join('|')}`,
    });
  }
  return detected;
}

/** Wraps a stream read failure (EACCES, EISDIR...) as FILE_NOT_FOUND; CdfErrors pass through. */
function readFailure(path: string, cause: unknown): unknown {
  if (CdfError.isInstance(cause)) return cause;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return new CdfError(CdfErrorCode.FileNotFound, `cannot read file (${code})`, { file: path, cause });
  }
  return cause;
}

/**
 * Load a metrics file (CSV, JSON array, NDJSON/JSONL or Parquet) into a columnar table: UTC
 * epoch-ms timestamps in file order, one Float64Array per numeric column (empty cells NaN and
 * counted in `missing`), series ids for a long table, and the source row of every row.
 * CSV and NDJSON are streamed, so a 10-million-row CSV loads in well under 2 GB.
 *
 * Every problem is a CdfError whose `toLine()` names the file, row, column and value:
 * FILE_NOT_FOUND, EMPTY_INPUT, UNSUPPORTED_FORMAT, MISSING_COLUMN, INVALID_VALUE (non-numeric,
 * non-finite, negative demand, wrong field count, malformed CSV/JSON), INVALID_TIMESTAMP
 * (unreadable, empty, or a format differing from row 1's), INVALID_CONFIG (unknown time zone).
 *
 * @example
 * const table = await loadMetrics('metrics.csv', { timeZone: 'Europe/Berlin' });
 * table.columns.compute_tflops; // Float64Array
 */
export async function loadMetrics(path: string, options: LoadOptions = {}): Promise<LoadedTable> {
  const format = resolveFormat(path, options.format);
  zoneClock(options.timeZone ?? 'UTC');
  const size = await fileSize(path);
  try {
    switch (format) {
      case 'csv': {
        const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
        try {
          return await readCsvTable(stream, path, options);
        } finally {
          stream.destroy();
        }
      }
      case 'ndjson': {
        const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
        const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
        try {
          return await readNdjsonTable(lines, path, options);
        } finally {
          lines.close();
          stream.destroy();
        }
      }
      case 'json':
        return await readJsonTable(path, path, options, size);
      case 'parquet':
        return await readParquetTable(path, path, options);
    }
  } catch (cause) {
    throw readFailure(path, cause);
  }
}
