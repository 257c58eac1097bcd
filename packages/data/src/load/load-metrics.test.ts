import { fileURLToPath } from 'node:url';
import { CdfError } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { loadMetrics } from './load-metrics.ts';
import type { LoadOptions } from './load-options.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/load/${name}`, import.meta.url));

/** The CdfError a load fails with, as [code, one-line message with the fixture path shortened]. */
async function failure(name: string, options: LoadOptions = {}): Promise<[string, string]> {
  const path = fixture(name);
  try {
    await loadMetrics(path, options);
  } catch (error) {
    if (!CdfError.isInstance(error)) throw error;
    return [error.code, error.toLine().replace(path, name)];
  }
  throw new Error(`${name} loaded without an error`);
}

describe('loadMetrics: CSV', () => {
  it('reads numeric columns, skips text columns, counts empty cells as missing', async () => {
    const table = await loadMetrics(fixture('metrics.csv'));
    expect(Array.from(table.timestamps)).toEqual([0, 1, 2, 3].map((h) => Date.UTC(2024, 2, 10, h)));
    expect(Array.from(table.columns.compute_tflops!)).toEqual([120.5, 130, 125.25, Number.NaN]);
    expect(Array.from(table.columns.request_count!)).toEqual([1000, 1100, 1050, 990]);
    expect(Array.from(table.columns.queue_depth!)).toEqual([3, Number.NaN, 4, 2]);
    expect(Object.keys(table.columns)).toEqual(['compute_tflops', 'request_count', 'queue_depth']);
    expect(table.textColumns).toEqual(['event_type']);
    expect(table.missing).toEqual({ compute_tflops: 1, request_count: 0, queue_depth: 1 });
    expect(Array.from(table.sourceRows)).toEqual([1, 2, 3, 4]);
    expect(table).toMatchObject({
      source: fixture('metrics.csv'),
      target: 'compute_tflops',
      timeCol: 'timestamp',
      timestampFormat: 'iso-utc',
    });
    expect(table.ids).toBeUndefined();
    expect(table.idCol).toBeUndefined();
  });

  it('handles a BOM, CRLF, a line break inside quotes, no final newline, and the "time" column', async () => {
    const table = await loadMetrics(fixture('bom-crlf.csv'));
    expect(table.timeCol).toBe('time');
    expect(table.timestampFormat).toBe('iso-offset');
    expect(Array.from(table.timestamps)).toEqual([Date.UTC(2024, 2, 9, 22), Date.UTC(2024, 2, 9, 23)]);
    expect(Array.from(table.columns.compute_tflops!)).toEqual([1.5, 2.5]);
    expect(table.textColumns).toEqual(['note']);
    expect(Array.from(table.sourceRows)).toEqual([1, 2]);
  });

  it('reads a long table with an id column', async () => {
    const table = await loadMetrics(fixture('long.csv'), { idCol: 'model' });
    expect(table.ids).toEqual(['llama', 'mistral', 'llama', 'mistral']);
    expect(table.idCol).toBe('model');
    expect(Object.keys(table.columns)).toEqual(['compute_tflops']);
  });

  it('reads naive timestamps (and a date) in the given zone across both DST changes', async () => {
    const table = await loadMetrics(fixture('naive-dst.csv'), { timeZone: 'Europe/Berlin' });
    expect(table.timeCol).toBe('ds');
    expect(table.timestampFormat).toBe('iso-naive');
    expect(Array.from(table.timestamps, (ms) => new Date(ms).toISOString())).toEqual([
      '2024-03-31T00:00:00.000Z', // 01:00 CET
      '2024-03-31T01:30:00.000Z', // 02:30 does not exist: read as CET, = 03:30 CEST
      '2024-03-31T01:00:00.000Z', // 03:00 CEST
      '2024-10-27T00:30:00.000Z', // 02:30 happens twice: the earlier, CEST
      '2024-10-27T02:00:00.000Z', // 03:00 CET
      '2024-10-31T23:00:00.000Z', // a date is local midnight
    ]);
    const utc = await loadMetrics(fixture('naive-dst.csv'));
    expect(utc.timestamps[0]).toBe(Date.UTC(2024, 2, 31, 1));
  });

  it('reads epoch seconds', async () => {
    const table = await loadMetrics(fixture('epoch-seconds.csv'));
    expect(table.timestampFormat).toBe('epoch-seconds');
    expect(Array.from(table.timestamps)).toEqual([1_710_028_800_000, 1_710_032_400_000]);
  });

  it('names the target and time columns from the options', async () => {
    const table = await loadMetrics(fixture('metrics.csv'), {
      target: 'request_count',
      timeCol: 'timestamp',
    });
    expect(table.target).toBe('request_count');
    expect(table.missing.compute_tflops).toBe(1);
  });
});

describe('loadMetrics: bad input, one clear line each', () => {
  it.each<[string, LoadOptions, string, string]>([
    ['nope.csv', {}, 'FILE_NOT_FOUND', 'nope.csv: file not found'],
    ['empty.csv', {}, 'EMPTY_INPUT', 'empty.csv: file is empty'],
    ['header-only.csv', {}, 'EMPTY_INPUT', 'header-only.csv: no data rows'],
    [
      'metrics.txt',
      {},
      'UNSUPPORTED_FORMAT',
      'metrics.txt: cannot tell the format from the file extension (expected .csv, .json, .ndjson, .jsonl or .parquet, or pass --format csv|json|ndjson|parquet)',
    ],
    [
      'missing-target.csv',
      {},
      'MISSING_COLUMN',
      'missing-target.csv: column "compute_tflops": no target column "compute_tflops" (columns found: timestamp, request_count) (expected the demand column; name it with the target option (--target))',
    ],
    [
      'metrics.csv',
      { timeCol: 'ts' },
      'MISSING_COLUMN',
      'metrics.csv: column "ts": no time column "ts" (columns found: timestamp, compute_tflops, request_count, event_type, queue_depth) (expected a time column; name it with the timeCol option (--time-col))',
    ],
    [
      'no-time-column.csv',
      {},
      'MISSING_COLUMN',
      'no-time-column.csv: column "timestamp": no time column: none of "timestamp", "time", "ds", "date", "datetime" (columns found: when, compute_tflops) (expected a time column; name it with the timeCol option (--time-col))',
    ],
    [
      'metrics.csv',
      { idCol: 'model' },
      'MISSING_COLUMN',
      'metrics.csv: column "model": no id column "model" (columns found: timestamp, compute_tflops, request_count, event_type, queue_depth) (expected the series id column named by the idCol option (--id-col))',
    ],
    [
      'non-numeric.csv',
      {},
      'INVALID_VALUE',
      'non-numeric.csv: row 3, column "request_count": not a number (got "n/a"; expected a number)',
    ],
    [
      'non-finite.csv',
      {},
      'INVALID_VALUE',
      'non-finite.csv: row 2, column "queue_depth": not a finite number (got "Infinity"; expected a finite number)',
    ],
    [
      'overflow.csv',
      {},
      'INVALID_VALUE',
      'overflow.csv: row 2, column "compute_tflops": not a finite number (got "1e999"; expected a finite number)',
    ],
    [
      'negative-demand.csv',
      {},
      'INVALID_VALUE',
      'negative-demand.csv: row 2, column "compute_tflops": negative demand (got "-0.5"; expected demand >= 0)',
    ],
    [
      'text-target.csv',
      {},
      'INVALID_VALUE',
      'text-target.csv: row 2, column "compute_tflops": not a number (got "high"; expected a number)',
    ],
    [
      'empty-timestamp.csv',
      {},
      'INVALID_TIMESTAMP',
      'empty-timestamp.csv: row 2, column "timestamp": empty timestamp (got ""; expected an ISO 8601 timestamp (2024-03-10T14:00:00Z, 2024-03-10 14:00:00+02:00, 2024-03-10 14:00, 2024-03-10) or epoch seconds/milliseconds)',
    ],
    [
      'bad-timestamp.csv',
      {},
      'INVALID_TIMESTAMP',
      'bad-timestamp.csv: row 2, column "timestamp": cannot read timestamp (got "03/10/2024 01:00"; expected an ISO 8601 timestamp (2024-03-10T14:00:00Z, 2024-03-10 14:00:00+02:00, 2024-03-10 14:00, 2024-03-10) or epoch seconds/milliseconds)',
    ],
    [
      'mixed-timestamps.csv',
      {},
      'INVALID_TIMESTAMP',
      'mixed-timestamps.csv: row 3, column "timestamp": timestamp format differs from row 1 (ISO 8601 without a time zone here) (got "2024-03-10 02:00:00"; expected ISO 8601 with Z, like row 1)',
    ],
    [
      'mixed-iso-epoch.csv',
      {},
      'INVALID_TIMESTAMP',
      'mixed-iso-epoch.csv: row 2, column "timestamp": timestamp format differs from row 1 (epoch seconds here) (got "1710032400"; expected ISO 8601 with Z, like row 1)',
    ],
    [
      'wrong-field-count.csv',
      {},
      'INVALID_VALUE',
      'wrong-field-count.csv: row 2: row has 2 fields (expected 3 fields like the header)',
    ],
    [
      'unclosed-quote.csv',
      {},
      'INVALID_VALUE',
      'unclosed-quote.csv: row 1: malformed CSV: quoted field is never closed (got ""launch\n2024-03-10T01:00:00Z,2,none\n"; expected a closing double quote)',
    ],
    [
      'duplicate-header.csv',
      {},
      'INVALID_VALUE',
      'duplicate-header.csv: row 0, column "timestamp": duplicate column name "timestamp" in the header (expected unique column names)',
    ],
    [
      'empty-id.csv',
      { idCol: 'model' },
      'INVALID_VALUE',
      'empty-id.csv: row 2, column "model": empty series id (got ""; expected a series id)',
    ],
    [
      'metrics.csv',
      { timeZone: 'Mars/Base' },
      'INVALID_CONFIG',
      'unknown time zone "Mars/Base" (got "Mars/Base"; expected an IANA time zone name such as UTC, Europe/Berlin or America/New_York)',
    ],
  ])('%s %j -> %s', async (name, options, code, line) => {
    expect(await failure(name, options)).toEqual([code, line]);
  });

  it('reads a file with an unknown extension when told the format', async () => {
    const table = await loadMetrics(fixture('metrics.txt'), { format: 'csv' });
    expect(Array.from(table.columns.compute_tflops!)).toEqual([1]);
  });

  it('rejects a directory', async () => {
    const [code, line] = await failure('.', { format: 'csv' });
    expect(code).toBe('FILE_NOT_FOUND');
    expect(line).toMatch(/: is a directory, not a file$/);
  });
});

describe('loadMetrics: options', () => {
  it('rejects a target that is also the time column', async () => {
    expect(await failure('metrics.csv', { target: 'timestamp' })).toEqual([
      'INVALID_CONFIG',
      'the time column ("timestamp"), target ("timestamp") must be different columns',
    ]);
  });
});
