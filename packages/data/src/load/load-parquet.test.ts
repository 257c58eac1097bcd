import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CdfError } from '@cdf/core';
import { type ColumnSource, parquetWriteBuffer, schemaFromColumnData } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMetrics } from './load-metrics.ts';
import type { LoadOptions } from './load-options.ts';

/** A schema element as hyparquet-writer takes it (its own copy of hyparquet's type). */
type SchemaElement = NonNullable<Parameters<typeof schemaFromColumnData>[0]['schemaOverrides']>[string];

// Parquet inputs are written here by the tests themselves, with hyparquet-writer.
const dir = mkdtempSync(join(tmpdir(), 'cdf-load-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeParquet(
  name: string,
  columns: ColumnSource[],
  overrides: Record<string, SchemaElement> = {},
  codec: 'SNAPPY' | 'GZIP' | 'UNCOMPRESSED' = 'SNAPPY',
): string {
  const schema = schemaFromColumnData({ columnData: columns, schemaOverrides: overrides });
  const buffer = parquetWriteBuffer({
    // The schema carries the types, so the columns must not repeat them.
    columnData: columns.map(({ type: _type, ...column }) => column),
    schema,
    codec,
    compressors: { GZIP: (input: Uint8Array) => gzipSync(input) },
    rowGroupSize: 2, // several row groups, so chunks must be put back in order
  });
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(buffer));
  return path;
}

async function failure(path: string, options: LoadOptions = {}): Promise<[string, string]> {
  try {
    await loadMetrics(path, options);
  } catch (error) {
    if (!CdfError.isInstance(error)) throw error;
    return [error.code, error.toLine().replace(path, 'f.parquet')];
  }
  throw new Error('loaded without an error');
}

const hours = [0, 1, 2, 3, 4].map((h) => Date.UTC(2024, 2, 10, h));

describe('loadMetrics: Parquet', () => {
  it.each(['SNAPPY', 'GZIP', 'UNCOMPRESSED'] as const)(
    'reads UTC TIMESTAMP(MICROS), doubles with nulls, INT64 BigInts and text (%s)',
    async (codec) => {
      const path = writeParquet(
        `utc-${codec}.parquet`,
        [
          { name: 'timestamp', data: hours.map((ms) => new Date(ms)) },
          { name: 'compute_tflops', data: [1.5, null, 3, 4.25, 5], type: 'DOUBLE' },
          { name: 'request_count', data: [10n, 20n, 30n, 40n, 50n], type: 'INT64' },
          { name: 'event_type', data: ['none', 'launch', null, 'none', 'none'], type: 'STRING' },
        ],
        {
          timestamp: {
            name: 'timestamp',
            type: 'INT64',
            logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' },
            repetition_type: 'REQUIRED',
          },
        },
        codec,
      );
      const table = await loadMetrics(path);
      expect(Array.from(table.timestamps)).toEqual(hours);
      expect(table.timestampFormat).toBe('epoch-millis');
      expect(Array.from(table.columns.compute_tflops!)).toEqual([1.5, Number.NaN, 3, 4.25, 5]);
      expect(Array.from(table.columns.request_count!)).toEqual([10, 20, 30, 40, 50]);
      expect(table.textColumns).toEqual(['event_type']);
      expect(table.missing).toEqual({ compute_tflops: 1, request_count: 0 });
      expect(Array.from(table.sourceRows)).toEqual([1, 2, 3, 4, 5]);
    },
  );

  it('reads naive TIMESTAMP(NANOS) in the configured zone, and a DATE column as local midnight', async () => {
    const naive = writeParquet(
      'naive.parquet',
      [
        { name: 'timestamp', data: hours.map((ms) => new Date(ms)) },
        { name: 'compute_tflops', data: [1, 2, 3, 4, 5], type: 'DOUBLE' },
      ],
      {
        timestamp: {
          name: 'timestamp',
          type: 'INT64',
          logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'NANOS' },
          repetition_type: 'REQUIRED',
        },
      },
    );
    const table = await loadMetrics(naive, { timeZone: 'America/New_York' });
    expect(table.timestampFormat).toBe('iso-naive');
    // 2024-03-10 00:00..04:00 New York wall clock; 02:00 does not exist and reads as 03:00 EDT.
    expect(Array.from(table.timestamps, (ms) => new Date(ms).toISOString().slice(11, 16))).toEqual([
      '05:00',
      '06:00',
      '07:00',
      '07:00',
      '08:00',
    ]);

    const dated = writeParquet(
      'date.parquet',
      [
        { name: 'date', data: [new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 0, 2))] },
        { name: 'compute_tflops', data: [1, 2], type: 'DOUBLE' },
      ],
      { date: { name: 'date', type: 'INT32', converted_type: 'DATE', repetition_type: 'REQUIRED' } },
    );
    const days = await loadMetrics(dated, { timeZone: 'Europe/Berlin' });
    expect(days.timeCol).toBe('date');
    expect(Array.from(days.timestamps)).toEqual([Date.UTC(2023, 11, 31, 23), Date.UTC(2024, 0, 1, 23)]);
  });

  it('reads string timestamps, INT32 values, float values and an id column', async () => {
    const path = writeParquet('strings.parquet', [
      {
        name: 'time',
        data: ['2024-03-10T00:00:00Z', '2024-03-10T00:00:00Z', '2024-03-10T01:00:00Z'],
        type: 'STRING',
      },
      { name: 'model', data: ['a', 'b', 'a'], type: 'STRING' },
      { name: 'compute_tflops', data: [1, 2, 3], type: 'INT32' },
      { name: 'p95_latency_ms', data: new Float32Array([0.5, 1.5, 2.5]), type: 'FLOAT' },
    ]);
    const table = await loadMetrics(path, { idCol: 'model' });
    expect(table.timestampFormat).toBe('iso-utc');
    expect(table.ids).toEqual(['a', 'b', 'a']);
    expect(Array.from(table.columns.compute_tflops!)).toEqual([1, 2, 3]);
    expect(Array.from(table.columns.p95_latency_ms!)).toEqual([0.5, 1.5, 2.5]);
  });

  it('reads numeric epoch seconds', async () => {
    const path = writeParquet('epoch.parquet', [
      { name: 'timestamp', data: [1_710_028_800n, 1_710_032_400n], type: 'INT64' },
      { name: 'compute_tflops', data: [1, 2], type: 'DOUBLE' },
    ]);
    const table = await loadMetrics(path);
    expect(table.timestampFormat).toBe('epoch-seconds');
    expect(Array.from(table.timestamps)).toEqual([1_710_028_800_000, 1_710_032_400_000]);
  });

  it('reports bad values, null timestamps, missing columns, empty and corrupt files', async () => {
    const negative = writeParquet('negative.parquet', [
      { name: 'timestamp', data: hours.slice(0, 3).map((ms) => new Date(ms)), type: 'TIMESTAMP' },
      { name: 'compute_tflops', data: [1, 2, -3], type: 'DOUBLE' },
    ]);
    expect(await failure(negative)).toEqual([
      'INVALID_VALUE',
      'f.parquet: row 3, column "compute_tflops": negative demand (got "-3"; expected demand >= 0)',
    ]);
    expect(await failure(negative, { target: 'gpu_hours' })).toEqual([
      'MISSING_COLUMN',
      'f.parquet: column "gpu_hours": no target column "gpu_hours" (columns found: timestamp, compute_tflops) (expected the demand column; name it with the target option (--target))',
    ]);
    const nullTime = writeParquet('null-time.parquet', [
      { name: 'timestamp', data: [new Date(hours[0]!), null], type: 'TIMESTAMP' },
      { name: 'compute_tflops', data: [1, 2], type: 'DOUBLE' },
    ]);
    expect((await failure(nullTime))[1]).toMatch(
      /^f\.parquet: row 2, column "timestamp": empty timestamp \(got ""/,
    );
    const empty = writeParquet('empty.parquet', [
      { name: 'timestamp', data: [], type: 'TIMESTAMP' },
      { name: 'compute_tflops', data: [], type: 'DOUBLE' },
    ]);
    expect(await failure(empty)).toEqual(['EMPTY_INPUT', 'f.parquet: no data rows']);
    const corrupt = join(dir, 'corrupt.parquet');
    writeFileSync(corrupt, 'timestamp,compute_tflops\n2024-03-10T00:00:00Z,1\n');
    const [code, line] = await failure(corrupt);
    expect(code).toBe('UNSUPPORTED_FORMAT');
    expect(line).toMatch(/^f\.parquet: cannot read as Parquet: .+ \(expected a valid Parquet file\)$/);
  });
});
