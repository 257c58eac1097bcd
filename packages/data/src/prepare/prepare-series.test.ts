import {
  CdfError,
  HOUR_MS,
  InsufficientHistoryError,
  type MetricsTable,
  MINUTE_MS,
  SeriesSchema,
} from '@cdf/core';
import { describe, expect, it } from 'vitest';
import type { PrepareInput } from './loaded-table.ts';
import { prepareSeries } from './prepare-series.ts';

const T0 = Date.UTC(2024, 0, 1);
const NaN_ = Number.NaN;

/** A loaded-looking table: hours offsets from T0, columns by name, rows numbered from 1. */
function hourly(
  hours: number[],
  columns: Record<string, number[]>,
  extra: Partial<PrepareInput> = {},
): PrepareInput {
  return {
    timestamps: Float64Array.from(hours, (h) => T0 + h * HOUR_MS),
    columns: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(v)])),
    sourceRows: Uint32Array.from(hours, (_, i) => i + 1),
    source: 'metrics.csv',
    timeCol: 'timestamp',
    target: 'compute_tflops',
    timestampFormat: 'iso-utc',
    textColumns: [],
    missing: {},
    ...extra,
  };
}

function caught(fn: () => unknown): CdfError {
  try {
    fn();
  } catch (error) {
    if (CdfError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a CdfError');
}

describe('prepareSeries: one regular series', () => {
  it('keeps a clean hourly table as it is and validates as a Series', () => {
    const table = hourly([0, 1, 2, 3], { compute_tflops: [10, 12, 14, 16], request_count: [1, 2, 3, 4] });
    const { series, summary, failures } = prepareSeries(table, { timeZone: 'Europe/Paris' });
    expect(failures).toEqual([]);
    expect(series).toHaveLength(1);
    const [s] = series;
    expect(SeriesSchema.safeParse(s).success).toBe(true);
    expect(s!.id).toBe('default');
    expect(s!.stepMs).toBe(HOUR_MS);
    expect(s!.timeZone).toBe('Europe/Paris');
    expect(s!.values).toBe(s!.columns.compute_tflops);
    expect([...s!.values]).toEqual([10, 12, 14, 16]);
    expect([...s!.columns.request_count!]).toEqual([1, 2, 3, 4]);
    expect([...s!.filled]).toEqual([0, 0, 0, 0]);
    expect(summary.step).toBe('1h');
    expect(summary.stepSource).toBe('inferred');
    expect(summary.start).toBe('2024-01-01T00:00:00.000Z');
    expect(summary.end).toBe('2024-01-01T03:00:00.000Z');
    expect(summary.format).toBe('csv');
  });

  it('never mutates the input columns', () => {
    const table = hourly([0, 1, 2], { compute_tflops: [1, NaN_, 3] });
    prepareSeries(table);
    expect(Number.isNaN(table.columns.compute_tflops![1]!)).toBe(true);
  });

  it('defaults the target to compute_tflops for a plain MetricsTable and reads options.target', () => {
    const plain: MetricsTable = {
      timestamps: Float64Array.from([T0, T0 + HOUR_MS]),
      columns: { compute_tflops: Float64Array.from([1, 2]), gpu_hours: Float64Array.from([5, 6]) },
    };
    expect(prepareSeries(plain).series[0]!.target).toBe('compute_tflops');
    const other = prepareSeries(plain, { target: 'gpu_hours' }).series[0]!;
    expect(other.target).toBe('gpu_hours');
    expect([...other.values]).toEqual([5, 6]);
    expect(prepareSeries(plain).summary.source).toBeNull();
  });
});

describe('prepareSeries: order and duplicates', () => {
  it('sorts unsorted rows (stable) and counts the rows out of order', () => {
    const table = hourly([2, 0, 1, 4, 3], { compute_tflops: [3, 1, 2, 5, 4] });
    const { series, summary } = prepareSeries(table);
    expect([...series[0]!.values]).toEqual([1, 2, 3, 4, 5]);
    expect(summary.outOfOrderRows).toBe(3); // rows 2, 3 (before 2h) and 5 (before 4h)
  });

  it('rejects a duplicate timestamp by default, naming the file, both rows and the fix', () => {
    const table = hourly([0, 1, 2, 1], { compute_tflops: [1, 2, 3, 4] });
    const error = caught(() => prepareSeries(table));
    expect(error.code).toBe('DUPLICATE_TIMESTAMP');
    expect(error.location).toMatchObject({ file: 'metrics.csv', row: 4, column: 'timestamp' });
    expect(error.toLine()).toBe(
      'metrics.csv: row 4, column "timestamp": duplicate timestamp 2024-01-01T01:00:00.000Z (also at row 2); ' +
        'pass --on-duplicate sum|mean|last to merge rows that share a timestamp',
    );
  });

  it('merges duplicates with sum, mean or last for every column and counts them', () => {
    const table = hourly([0, 1, 1, 1, 2], {
      compute_tflops: [1, 2, 4, 9, 5],
      request_count: [10, 20, NaN_, 60, 50],
    });
    const sum = prepareSeries(table, { onDuplicate: 'sum' });
    expect([...sum.series[0]!.values]).toEqual([1, 15, 5]);
    expect([...sum.series[0]!.columns.request_count!]).toEqual([10, 80, 50]);
    const mean = prepareSeries(table, { onDuplicate: 'mean' });
    expect([...mean.series[0]!.values]).toEqual([1, 5, 5]);
    expect([...mean.series[0]!.columns.request_count!]).toEqual([10, 40, 50]);
    const last = prepareSeries(table, { onDuplicate: 'last' });
    expect([...last.series[0]!.values]).toEqual([1, 9, 5]);
    expect(last.summary.duplicatesMerged).toBe(2);
    expect(last.summary.duplicateTimestamps).toBe(1);
    expect(last.summary.duplicatePolicy).toBe('last');
  });

  it('takes the last row in file order when duplicates were also out of order', () => {
    const table = hourly([1, 0, 1], { compute_tflops: [7, 1, 3] });
    expect([...prepareSeries(table, { onDuplicate: 'last' }).series[0]!.values]).toEqual([1, 3]);
  });
});

describe('prepareSeries: gaps', () => {
  it('fills missing hours and NaN targets by interpolation, flags and counts them', () => {
    const table = hourly([0, 1, 4, 5, 6, 7], {
      compute_tflops: [10, 20, 50, NaN_, 70, 80],
      queue_depth: [1, NaN_, 4, 5, 6, 7],
    });
    const { series, summary } = prepareSeries(table);
    const s = series[0]!;
    expect(SeriesSchema.safeParse(s).success).toBe(true);
    expect([...s.values]).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    expect([...s.filled]).toEqual([0, 0, 1, 1, 0, 1, 0, 0]);
    expect([...s.columns.queue_depth!]).toEqual([1, 1.75, 2.5, 3.25, 4, 5, 6, 7]);
    expect(summary.gaps).toEqual({
      runs: 2,
      pointsFilled: 3,
      dropouts: 0,
      longestPoints: 2,
      longest: '2 hours',
    });
    expect(summary.points).toBe(8);
    expect(summary.columns.find((c) => c.name === 'queue_depth')).toMatchObject({
      count: 5,
      missing: 1,
      min: 1,
      max: 7,
    });
  });

  it('fills the dropouts of the target like gaps by default, and keeps them when asked', () => {
    // 8 days of a steady 1,000 +- 10% an hour with a lost trace on day 4, 10:00-12:00 (0, 0, 7)
    const hours = Array.from({ length: 8 * 24 }, (_, h) => h);
    const demand = hours.map((h) => 1000 * (1 + 0.1 * Math.sin(h / 3.8)));
    const lost = [4 * 24 + 10, 4 * 24 + 11, 4 * 24 + 12];
    for (const [k, h] of lost.entries()) demand[h] = [0, 0, 7][k]!;
    const table = hourly(hours, { compute_tflops: demand });
    const { series, summary } = prepareSeries(table);
    const s = series[0]!;
    expect([...s.filled.keys()].filter((i) => s.filled[i] === 1)).toEqual(lost);
    expect(s.values[4 * 24 + 11]).toBeCloseTo((demand[4 * 24 + 9]! + demand[4 * 24 + 13]!) / 2, 6);
    expect(summary.gaps).toMatchObject({ runs: 1, pointsFilled: 3, dropouts: 3, longest: '3 hours' });
    const kept = prepareSeries(table, { dropouts: 'keep' });
    expect(kept.series[0]!.values[4 * 24 + 10]).toBe(0);
    expect(kept.summary.gaps).toMatchObject({ pointsFilled: 0, dropouts: 0 });
    expect(caught(() => prepareSeries(table, { dropouts: 'drop' as 'keep' })).toLine()).toMatch(
      /unknown dropout rule "drop"/,
    );
  });

  it('leaves out a column with no value at all and names it', () => {
    const table = hourly([0, 1], { compute_tflops: [1, 2], notes_score: [NaN_, NaN_] });
    const { series, summary } = prepareSeries(table);
    expect(Object.keys(series[0]!.columns)).toEqual(['compute_tflops']);
    expect(summary.series[0]!.droppedColumns).toEqual(['notes_score']);
  });

  it('fails when the target has no value at all', () => {
    const error = caught(() => prepareSeries(hourly([0, 1], { compute_tflops: [NaN_, NaN_] })));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.toLine()).toBe(
      'metrics.csv: column "compute_tflops": the target column has no values (expected at least one non-empty cell)',
    );
  });
});

describe('prepareSeries: resampling', () => {
  const fiveMinutes = (count: number, start = 0) => Array.from({ length: count }, (_, i) => start + i * 5);
  function minutely(minutes: number[], columns: Record<string, number[]>): PrepareInput {
    return {
      ...hourly([], {}),
      ...{ timestamps: Float64Array.from(minutes, (m) => T0 + m * MINUTE_MS) },
      columns: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(v)])),
      sourceRows: Uint32Array.from(minutes, (_, i) => i + 1),
    };
  }

  it('aggregates 5 min to 1 h with each column rule on the UTC epoch grid', () => {
    const minutes = fiveMinutes(24); // two full hours
    const table = minutely(minutes, {
      compute_tflops: minutes.map((_, i) => i), // mean
      request_count: minutes.map(() => 2), // sum
      p95_latency_ms: minutes.map((_, i) => (i === 3 ? 900 : 100 + i)), // max
    });
    const { series, summary } = prepareSeries(table, { resample: '1h' });
    const s = series[0]!;
    expect(SeriesSchema.safeParse(s).success).toBe(true);
    expect(s.stepMs).toBe(HOUR_MS);
    expect([...s.timestamps]).toEqual([T0, T0 + HOUR_MS]);
    expect([...s.values]).toEqual([5.5, 17.5]);
    expect([...s.columns.request_count!]).toEqual([24, 24]);
    expect([...s.columns.p95_latency_ms!]).toEqual([900, 123]);
    expect(summary.rowsMergedByResample).toBe(22);
    expect(summary.stepSource).toBe('resampled');
    expect(summary.dataSteps).toEqual(['5min']);
    expect(summary.series[0]!.partialBuckets).toBe(0);
  });

  it('keeps a partial bucket as a value, sums unscaled, and counts it', () => {
    const minutes = [...fiveMinutes(12), 60, 65, 70]; // the second hour has 3 of 12 sub-steps
    const table = minutely(minutes, {
      compute_tflops: minutes.map(() => 4),
      request_count: minutes.map(() => 1),
    });
    const { series, summary } = prepareSeries(table, { resample: '1h' });
    expect([...series[0]!.columns.request_count!]).toEqual([12, 3]);
    expect([...series[0]!.values]).toEqual([4, 4]);
    expect(series[0]!.filled[1]).toBe(0);
    expect(summary.series[0]!.partialBuckets).toBe(1);
  });

  it('aligns buckets to the epoch grid even when the data starts off the hour', () => {
    const table = minutely([50, 55, 60, 65], { compute_tflops: [1, 3, 10, 20] });
    const s = prepareSeries(table, { resample: 3_600_000 }).series[0]!;
    expect([...s.timestamps]).toEqual([T0, T0 + HOUR_MS]);
    expect([...s.values]).toEqual([2, 15]);
  });

  it('fills an empty bucket between two resampled ones', () => {
    const table = minutely([0, 5, 120, 125], { compute_tflops: [2, 4, 10, 12], request_count: [1, 1, 1, 1] });
    const s = prepareSeries(table, { resample: '1h' }).series[0]!;
    expect([...s.values]).toEqual([3, 7, 11]);
    expect([...s.filled]).toEqual([0, 1, 0]);
    expect([...s.columns.request_count!]).toEqual([2, 2, 2]);
  });

  it('regularises irregular data that cannot be inferred', () => {
    const table = minutely([0, 7, 31, 64, 101], { compute_tflops: [1, 2, 3, 4, 5] });
    const irregular = caught(() => prepareSeries(table));
    expect(irregular.code).toBe('IRREGULAR_STEP');
    expect(irregular.toLine()).toBe(
      'metrics.csv: row 1, column "timestamp": timestamp 2024-01-01T00:00:00.000Z is off the 37min grid of the other rows ' +
        '(most common spacing); pass --resample 37min (or another step) to regularise',
    );
    const { series, summary } = prepareSeries(table, { resample: '1h' });
    expect([...series[0]!.values]).toEqual([2, 4.5]);
    expect(summary.dataSteps).toEqual([]);
    expect(summary.series[0]!.partialBuckets).toBeNull();
  });

  it('refuses to resample to a finer step than the data', () => {
    const error = caught(() =>
      prepareSeries(hourly([0, 1, 2], { compute_tflops: [1, 2, 3] }), { resample: '5min' }),
    );
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.toLine()).toBe(
      "metrics.csv: cannot resample to 5min: finer than the data's step of 1h (resampling only aggregates to a coarser step)",
    );
  });

  it('rejects a resampling step that is not a duration', () => {
    const error = caught(() =>
      prepareSeries(hourly([0, 1], { compute_tflops: [1, 2] }), { resample: 'hourly' }),
    );
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.toLine()).toBe(
      'invalid resampling step "hourly" (expected a duration such as 5min, 1h or 1d)',
    );
  });

  it('applies per-column aggregation overrides', () => {
    const table = minutely(fiveMinutes(12), { compute_tflops: fiveMinutes(12).map((_, i) => i) });
    const s = prepareSeries(table, { resample: '1h', aggregation: { compute_tflops: 'max' } }).series[0]!;
    expect([...s.values]).toEqual([11]);
  });
});

describe('prepareSeries: long tables', () => {
  const ids = ['a', 'b', 'a', 'b', 'a', 'c', 'c'];
  const long = (extraIds = ids, hours = [0, 0, 1, 1, 2, 5, 6], values = [1, 10, 2, 20, 3, 100, 200]) =>
    hourly(hours, { compute_tflops: values }, { ids: extraIds, idCol: 'model' });

  it('splits by id in first-appearance order and prepares each series', () => {
    const { series, summary } = prepareSeries(long());
    expect(series.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(series.map((s) => [...s.values])).toEqual([
      [1, 2, 3],
      [10, 20],
      [100, 200],
    ]);
    expect(series[2]!.timestamps[0]).toBe(T0 + 5 * HOUR_MS);
    for (const s of series) expect(SeriesSchema.safeParse(s).success).toBe(true);
    expect(summary.seriesCount).toBe(3);
    expect(summary.idColumn).toBe('model');
    expect(summary.series.map((s) => s.rowsRead)).toEqual([3, 2, 2]);
    expect(summary.start).toBe('2024-01-01T00:00:00.000Z');
    expect(summary.end).toBe('2024-01-01T06:00:00.000Z');
  });

  it('rejects an empty series id with its row', () => {
    const table = long(['a', 'b', 'a', '', 'a', 'c', 'c']);
    expect(caught(() => prepareSeries(table)).toLine()).toBe(
      'metrics.csv: row 4, column "model": empty series id (expected a series id)',
    );
  });

  it('names the series in an error, with the source rows of the file', () => {
    const table = long(['a', 'b', 'a', 'b', 'a', 'c', 'c'], [0, 0, 1, 1, 2, 5, 5]);
    const error = caught(() => prepareSeries(table));
    expect(error.code).toBe('DUPLICATE_TIMESTAMP');
    expect(error.toLine()).toBe(
      'metrics.csv: row 7, column "timestamp": series "c": duplicate timestamp 2024-01-01T05:00:00.000Z (also at row 6); ' +
        'pass --on-duplicate sum|mean|last to merge rows that share a timestamp',
    );
  });

  it('collects per-series failures without losing the other series', () => {
    const table = long(['a', 'b', 'a', 'b', 'a', 'c', 'c'], [0, 0, 1, 1, 2, 5, 5]);
    const { series, summary, failures } = prepareSeries(table, { onSeriesError: 'collect' });
    expect(series.map((s) => s.id)).toEqual(['a', 'b']);
    expect(failures.map((f) => [f.id, f.error.code])).toEqual([['c', 'DUPLICATE_TIMESTAMP']]);
    expect(summary.failures).toEqual([
      { id: 'c', code: 'DUPLICATE_TIMESTAMP', message: failures[0]!.error.toLine(), rowsRead: 2 },
    ]);
    expect(summary.rowsInFailedSeries).toBe(2);
    expect(summary.rowsRead).toBe(7);
    expect(summary.rowsUsed).toBe(5);
  });
});

describe('prepareSeries: history, accounting and bad input', () => {
  it('names the model and the minimum history when a series is too short', () => {
    const hours = Array.from({ length: 100 }, (_, i) => i);
    const table = hourly(hours, { compute_tflops: hours.map(() => 1) });
    const error = caught(() => prepareSeries(table, { minHistory: { points: 336, model: 'prophet' } }));
    expect(error).toBeInstanceOf(InsufficientHistoryError);
    expect(error.code).toBe('INSUFFICIENT_HISTORY');
    expect(error.toLine()).toBe(
      'metrics.csv: prophet needs at least 336 points (14 days at 1h) of history, got 100',
    );
    expect(prepareSeries(table, { minHistory: { points: 100, model: 'prophet' } }).series).toHaveLength(1);
  });

  it('accounts for every row read', () => {
    const table = hourly(
      [0, 0, 0.5, 1, 3, 3, 2.25, 5, 0, 0.5],
      { compute_tflops: [1, 2, 3, 4, 5, 6, 7, 8, 1, 1] },
      { ids: ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'b', 'b'], idCol: 'model' },
    );
    const { summary } = prepareSeries(table, { onDuplicate: 'mean', resample: '1h' });
    // a: 8 rows, 1 duplicate (0h) and 1 (3h) -> 6 distinct; buckets 0,1,2,3,5 -> 5 used, 1 merged by resample
    expect(summary.series[0]).toMatchObject({
      rowsRead: 8,
      duplicatesMerged: 2,
      rowsMergedByResample: 1,
      rowsUsed: 5,
    });
    expect(summary.rowsRead).toBe(10);
    expect(
      summary.rowsUsed + summary.duplicatesMerged + summary.rowsMergedByResample + summary.rowsInFailedSeries,
    ).toBe(summary.rowsRead);
  });

  it('reports a missing target column with the columns it has', () => {
    const error = caught(() => prepareSeries(hourly([0, 1], { gpu_hours: [1, 2] })));
    expect(error.code).toBe('MISSING_COLUMN');
    expect(error.toLine()).toBe(
      'metrics.csv: column "compute_tflops": target column "compute_tflops" not found (expected one of gpu_hours (or pass --target))',
    );
  });

  it('rejects negative demand and non-finite cells of an in-memory table', () => {
    expect(caught(() => prepareSeries(hourly([0, 1], { compute_tflops: [1, -2] }))).toLine()).toBe(
      'metrics.csv: row 2, column "compute_tflops": demand must not be negative (got "-2"; expected a finite number >= 0)',
    );
    const infinite = hourly([0, 1], { compute_tflops: [1, 2], queue_depth: [Number.POSITIVE_INFINITY, 1] });
    const error = caught(() => prepareSeries(infinite));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.toLine()).toBe(
      'metrics.csv: row 1, column "queue_depth": not a finite number (got "Infinity"; expected a finite number)',
    );
  });

  it('rejects an unknown time zone and an empty table', () => {
    const zone = caught(() =>
      prepareSeries(hourly([0, 1], { compute_tflops: [1, 2] }), { timeZone: 'Mars/Base' }),
    );
    expect(zone.code).toBe('INVALID_CONFIG');
    expect(zone.toLine()).toBe(
      'unknown time zone "Mars/Base" (expected an IANA time zone such as UTC or Europe/Paris)',
    );
    const empty = caught(() => prepareSeries(hourly([], { compute_tflops: [] })));
    expect(empty.code).toBe('EMPTY_INPUT');
    expect(empty.toLine()).toBe('metrics.csv: the table has no rows');
  });

  it('refuses a step that would blow the series up', () => {
    const table: MetricsTable = {
      timestamps: Float64Array.from([T0, T0 + 1, T0 + 2, T0 + 365 * 24 * HOUR_MS]),
      columns: { compute_tflops: Float64Array.from([1, 2, 3, 4]) },
    };
    const error = caught(() => prepareSeries(table));
    expect(error.code).toBe('IRREGULAR_STEP');
    expect(error.toLine()).toBe(
      'a 1ms step would need 31536000001 points to cover 365 days with only 4 timestamps; ' +
        'pass --resample with a coarser step',
    );
  });
});
