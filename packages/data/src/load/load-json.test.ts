import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CdfError } from '@cdf/core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadMetrics } from './load-metrics.ts';
import { readNdjsonTable } from './read-ndjson.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/load/${name}`, import.meta.url));

async function failure(run: Promise<unknown>, path: string, name: string): Promise<[string, string]> {
  try {
    await run;
  } catch (error) {
    if (!CdfError.isInstance(error)) throw error;
    return [error.code, error.toLine().replace(path, name)];
  }
  throw new Error(`${name} loaded without an error`);
}

const load = (name: string) => failure(loadMetrics(fixture(name)), fixture(name), name);

async function* lines(...text: string[]): AsyncIterable<string> {
  yield* text;
}

describe('loadMetrics: JSON', () => {
  it('reads an array of objects: numbers, numeric strings, nulls, absent and late keys, text', async () => {
    const table = await loadMetrics(fixture('metrics.json'));
    expect(Array.from(table.timestamps)).toEqual([0, 1, 2].map((h) => Date.UTC(2024, 2, 10, h)));
    expect(Array.from(table.columns.compute_tflops!)).toEqual([120.5, Number.NaN, 125]);
    expect(Array.from(table.columns.request_count!)).toEqual([1000, 1100, Number.NaN]);
    expect(Array.from(table.columns.queue_depth!)).toEqual([Number.NaN, Number.NaN, 4]);
    expect(table.missing).toEqual({ compute_tflops: 1, request_count: 1, queue_depth: 2 });
    expect(table.textColumns).toEqual(['event_type']);
    expect(Array.from(table.sourceRows)).toEqual([1, 2, 3]);
    expect(table.timestampFormat).toBe('iso-utc');
  });

  it.each([
    ['empty-array.json', 'EMPTY_INPUT', 'empty-array.json: empty JSON array'],
    [
      'not-array.json',
      'UNSUPPORTED_FORMAT',
      'not-array.json: JSON is not an array of records (got "an object"; expected a JSON array of objects, one per row (or NDJSON: one object per line))',
    ],
    [
      'malformed.json',
      'INVALID_VALUE',
      'malformed.json: not valid JSON (line 3): Expected double-quoted property name (expected a JSON array of objects)',
    ],
    [
      'mixed-types.json',
      'INVALID_TIMESTAMP',
      'mixed-types.json: row 2, column "timestamp": timestamp format differs from row 1 (ISO 8601 with Z here) (got "2024-03-10T01:00:00Z"; expected epoch milliseconds, like row 1)',
    ],
  ])('%s -> %s', async (name, code, line) => {
    expect(await load(name)).toEqual([code, line]);
  });

  it('rejects a record that is not an object, and an absent target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdf-load-json-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'records.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, '[{"timestamp": "2024-03-10T00:00:00Z", "compute_tflops": 1}, 5]');
    expect(await failure(loadMetrics(path), path, 'r.json')).toEqual([
      'INVALID_VALUE',
      'r.json: row 2: record is not a JSON object (got "5"; expected an object with one key per column)',
    ]);
    await writeFile(path, '[{"timestamp": "2024-03-10T00:00:00Z", "gpu_hours": 1}]');
    expect(await failure(loadMetrics(path), path, 'r.json')).toEqual([
      'MISSING_COLUMN',
      'r.json: column "compute_tflops": no target column "compute_tflops" (columns found: timestamp, gpu_hours) (expected the demand column; name it with the target option (--target))',
    ]);
  });
});

describe('loadMetrics: NDJSON', () => {
  it('reads one object per line, skipping blank lines, rows numbered by line', async () => {
    const table = await loadMetrics(fixture('metrics.ndjson'), { idCol: 'region' });
    expect(Array.from(table.timestamps)).toEqual([1_710_028_800_000, 1_710_032_400_000]);
    expect(table.timestampFormat).toBe('epoch-millis');
    expect(table.ids).toEqual(['eu', 'us']);
    expect(Array.from(table.columns.compute_tflops!)).toEqual([1, 2.5]);
    expect(Array.from(table.sourceRows)).toEqual([1, 3]);
  });

  it.each([
    [
      'malformed-line.ndjson',
      'INVALID_VALUE',
      `malformed-line.ndjson: row 3: line 3 is not valid JSON: Expected ',' or '}' after property value (got "{"timestamp":"2024-03-10T01:00:00Z","compute_tflops":2"; expected one JSON object per line)`,
    ],
    [
      'not-object.jsonl',
      'INVALID_VALUE',
      'not-object.jsonl: row 2: record is not a JSON object (got "[1,2]"; expected an object with one key per column)',
    ],
  ])('%s -> %s', async (name, code, line) => {
    expect(await load(name)).toEqual([code, line]);
  });

  it('is EMPTY_INPUT with only blank lines, and MISSING_COLUMN without a time column', async () => {
    await expect(readNdjsonTable(lines('', '  '), 'x.ndjson', {})).rejects.toThrow('no records');
    const [code, line] = await failure(
      readNdjsonTable(lines('{"t": 1, "compute_tflops": 2}'), 'x.ndjson', {}),
      '',
      '',
    );
    expect(code).toBe('MISSING_COLUMN');
    expect(line).toBe(
      'x.ndjson: column "timestamp": no time column: none of "timestamp", "time", "ds", "date", "datetime" (columns found: t, compute_tflops) (expected a time column; name it with the timeCol option (--time-col))',
    );
  });

  it('treats booleans and objects as text, and rejects them in a numeric column', async () => {
    const table = await readNdjsonTable(
      lines('{"timestamp": 1, "compute_tflops": 2, "ok": true, "tags": {"a": 1}}'),
      'x.ndjson',
      {},
    );
    expect(table.textColumns).toEqual(['ok', 'tags']);
    const [code, line] = await failure(
      readNdjsonTable(
        lines('{"timestamp": 1, "compute_tflops": 2}', '{"timestamp": 2, "compute_tflops": true}'),
        'x',
        {},
      ),
      '',
      '',
    );
    expect([code, line]).toEqual([
      'INVALID_VALUE',
      'x: row 2, column "compute_tflops": not a number (got "true"; expected a number)',
    ]);
  });
});
