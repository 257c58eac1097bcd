import { CdfError, CdfErrorCode } from '@cdf/core';
import { JsonRecordSink } from './json-records.ts';
import type { LoadedTable, LoadOptions } from './load-options.ts';
import { jsonErrorReason } from './read-json.ts';

/**
 * Reads NDJSON / JSON Lines from a stream of lines: one JSON object per line, row R on line R.
 * Blank lines are skipped (and counted); a line that is not valid JSON, or not an object, is
 * INVALID_VALUE naming its line. Streams: one line in memory at a time.
 */
export async function readNdjsonTable(
  lines: AsyncIterable<string>,
  file: string,
  options: LoadOptions,
): Promise<LoadedTable> {
  const sink = new JsonRecordSink(file, options);
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (cause) {
      throw new CdfError(
        CdfErrorCode.InvalidValue,
        `line ${line} is not valid JSON: ${jsonErrorReason(cause)}`,
        {
          file,
          row: line,
          value: text,
          expected: 'one JSON object per line',
          cause,
        },
      );
    }
    sink.add(record, line);
  }
  return sink.finish();
}
