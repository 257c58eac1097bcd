import { CdfError } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { type ScenarioColumns, scenarioFrameFromColumns } from './scenario-columns.ts';

const columns: ScenarioColumns = {
  timestamp: ['2025-03-03T00:00:00Z', '2025-03-03T01:00:00Z'],
  baseline: [100, 110],
  expected_value: [120, 130],
  spike_probability: [0.1, 0.2],
  p50: [100, 110],
  p75: [120, 130],
  p90: [140, 150],
  p95: [160, 170],
  p99: [200, 210],
};

function location(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (CdfError.isInstance(e)) return { code: e.code, ...e.location };
    throw e;
  }
  throw new Error('no error');
}

describe('scenarioFrameFromColumns', () => {
  it('builds a validated frame with epoch-ms timestamps', () => {
    const frame = scenarioFrameFromColumns(columns);
    expect(frame).toHaveLength(2);
    expect(frame[1]).toMatchObject({ timestamp: Date.UTC(2025, 2, 3, 1), p99: 210 });
  });

  it('names the file, row and column of a bad cell', () => {
    expect(
      location(() => scenarioFrameFromColumns({ ...columns, p90: [140, Number.NaN] }, { file: 's.csv' })),
    ).toMatchObject({
      code: 'INVALID_VALUE',
      file: 's.csv',
      row: 2,
      column: 'p90',
    });
    expect(location(() => scenarioFrameFromColumns({ ...columns, p75: [90, 130] }))).toMatchObject({
      code: 'SCHEMA_MISMATCH',
      row: 1,
    });
    const { p99: _, ...missing } = columns;
    expect(location(() => scenarioFrameFromColumns(missing as ScenarioColumns))).toMatchObject({
      code: 'MISSING_COLUMN',
      column: 'p99',
    });
    expect(
      location(() =>
        scenarioFrameFromColumns({ ...columns, timestamp: Array.from(columns.timestamp).reverse() }),
      ),
    ).toMatchObject({
      code: 'SCHEMA_MISMATCH',
      row: 2,
      column: 'timestamp',
    });
  });
});
