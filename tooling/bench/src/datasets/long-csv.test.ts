import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLongCsv, seriesOf } from './long-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-long-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readLongCsv', () => {
  it('groups rows by series id in file order (the M4 layout series_id,timestamp,value)', () => {
    const path = join(dir, 'long.csv');
    // The first rows of the shared M4 hourly train.csv (H2), plus a second series.
    writeFileSync(
      path,
      'series_id,timestamp,value\nH2,2020-01-06T00:00:00Z,3124.0\nH2,2020-01-06T01:00:00Z,2990.0\nH4,2020-01-06T00:00:00Z,5.0\n',
    );
    const long = readLongCsv(path);
    expect([...long.keys()]).toEqual(['H2', 'H4']);
    expect(long.get('H2')).toEqual({
      timestamps: [Date.UTC(2020, 0, 6), Date.UTC(2020, 0, 6, 1)],
      values: [3124, 2990],
    });
    const s = seriesOf('H2', long.get('H2')!.timestamps, long.get('H2')!.values);
    expect(s.stepMs).toBe(3_600_000);
    expect(s.columns.value).toBe(s.values);
  });

  it('refuses a row without three cells', () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'series_id,timestamp,value\nH2,2020-01-06T00:00:00Z\n');
    expect(() => readLongCsv(path)).toThrow(/bad.csv:2: expected id,timestamp,value/);
  });
});
