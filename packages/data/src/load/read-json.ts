import { readFile } from 'node:fs/promises';
import { CdfError, CdfErrorCode } from '@cdf/core';
import { JsonRecordSink } from './json-records.ts';
import type { LoadedTable, LoadOptions } from './load-options.ts';

/** JSON arrays are parsed whole; past this size, ask for NDJSON, CSV or Parquet instead. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** Where a `JSON.parse` error happened, as a 1-based line, when the engine says. */
export function jsonErrorLine(text: string, error: unknown): number | undefined {
  const match = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return undefined;
  const position = Number(match[1]);
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The reason of a `JSON.parse` error without the echo of the input that V8 appends. */
export function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '');
  return reason.length > 100 ? `${reason.slice(0, 97)}...` : reason;
}

/**
 * Reads a JSON file holding an array of objects, one per row (row R is the R-th object). The
 * whole file is parsed at once, so files over {@link MAX_JSON_BYTES} are refused with a hint to
 * use NDJSON, which streams. `[]` is EMPTY_INPUT; invalid JSON is INVALID_VALUE with its line.
 */
export async function readJsonTable(
  path: string,
  file: string,
  options: LoadOptions,
  size: number,
): Promise<LoadedTable> {
  if (size > MAX_JSON_BYTES) {
    throw new CdfError(
      CdfErrorCode.UnsupportedFormat,
      `JSON file too large to parse at once (${size} bytes)`,
      {
        file,
        expected: `at most ${MAX_JSON_BYTES} bytes of JSON; use NDJSON, CSV or Parquet for larger files`,
      },
    );
  }
  let text = await readFile(path, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new CdfError(CdfErrorCode.EmptyInput, 'file is empty', { file });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    const line = jsonErrorLine(text, cause);
    throw new CdfError(
      CdfErrorCode.InvalidValue,
      `not valid JSON${line === undefined ? '' : ` (line ${line})`}: ${jsonErrorReason(cause)}`,
      { file, expected: 'a JSON array of objects', cause },
    );
  }
  if (!Array.isArray(data)) {
    throw new CdfError(CdfErrorCode.UnsupportedFormat, 'JSON is not an array of records', {
      file,
      value: typeof data === 'object' && data !== null ? 'an object' : String(data),
      expected: 'a JSON array of objects, one per row (or NDJSON: one object per line)',
    });
  }
  if (data.length === 0) throw new CdfError(CdfErrorCode.EmptyInput, 'empty JSON array', { file });
  const sink = new JsonRecordSink(file, options);
  for (let i = 0; i < data.length; i++) sink.add(data[i], i + 1);
  return sink.finish();
}
