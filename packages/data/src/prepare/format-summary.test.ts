import { fileURLToPath } from 'node:url';
import { HOUR_MS, type MetricsTable } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { formatSummary } from './format-summary.ts';
import { loadSeries } from './load-series.ts';
import { prepareSeries } from './prepare-series.ts';

const fleet = fileURLToPath(new URL('../../fixtures/prepare/fleet-hourly.csv', import.meta.url));

describe('formatSummary', () => {
  it('prints the summary of a fleet as compact text', async () => {
    const { summary } = await loadSeries(fleet, { idCol: 'model' });
    expect(formatSummary({ ...summary, source: 'fleet-hourly.csv' })).toBe(
      [
        'source      fleet-hourly.csv (csv)',
        'rows        8 read, 8 used, 0 merged as duplicates, 0 merged by resampling',
        'series      2 (by model)',
        'target      compute_tflops',
        'span        2024-03-01T00:00:00.000Z .. 2024-03-01T05:00:00.000Z (9 points)',
        'step        1h (inferred)',
        'timestamps  iso-utc (column timestamp), time zone UTC',
        'order       1 row out of order (sorted)',
        'duplicates  none',
        'gaps        2 runs, 2 points filled, longest 1 hour',
        'text cols   region (skipped)',
        '',
        'column                   rule  count  missing  min     mean   max      std',
        'compute_tflops (target)  mean      7        1   50  93.5714   150  36.5195',
        'request_count            sum       8        0  400   956.25  1500  419.402',
        'p95_latency_ms           max       7        1  250      285   310  21.2132',
        '',
        'series   rows  points  filled  gaps  duplicates  out of order  step',
        'llama       5       6       2     2           0             0    1h',
        'mixtral     3       3       0     0           0             1    1h',
      ].join('\n'),
    );
  });

  it('prints a single in-memory series without the per-series table, and failures', () => {
    const table: MetricsTable = {
      timestamps: Float64Array.from([0, 1, 1, 2], (h) => Date.UTC(2024, 0, 1) + h * HOUR_MS),
      columns: { compute_tflops: Float64Array.from([1, 2, 4, 3]) },
      ids: ['a', 'a', 'a', 'b'],
    };
    const { summary } = prepareSeries(table, {
      onSeriesError: 'collect',
      minHistory: { points: 2, model: 'mstl' },
    });
    const text = formatSummary(summary);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'source      (in memory)',
      'rows        4 read, 0 used, 0 merged as duplicates, 0 merged by resampling, 4 in failed series',
      'series      0, 2 failed',
    ]);
    expect(text).toContain(
      'failed a: row 3: series "a": duplicate timestamp 2024-01-01T01:00:00.000Z (also at row 2); pass --on-duplicate sum|mean|last to merge rows that share a timestamp',
    );
    expect(text).toContain('failed b: series "b": cannot infer the step from 1 distinct timestamp');
    const single = formatSummary(prepareSeries({ ...table, ids: undefined }, { onDuplicate: 'sum' }).summary);
    expect(single).toContain('duplicates  1 timestamp, 1 row merged (sum)');
    expect(single).not.toContain('series   rows');
    expect(text).not.toContain('series  rows');
    expect(text).toContain('step        -\n');
  });

  it('cuts the per-series table of a large fleet after 20 rows', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `s${Math.floor(i / 2)}`);
    const table: MetricsTable = {
      timestamps: Float64Array.from(ids, (_, i) => Date.UTC(2024, 0, 1) + (i % 2) * HOUR_MS),
      columns: { compute_tflops: Float64Array.from(ids, (_, i) => i) },
      ids,
    };
    const lines = formatSummary(prepareSeries(table).summary).split('\n');
    expect(lines).toContain('series      25');
    expect(lines.filter((line) => /^s\d+ /.test(line))).toHaveLength(20);
    expect(lines.at(-1)).toBe('... and 5 more series');
  });
});
