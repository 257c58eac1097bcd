import { fileURLToPath } from 'node:url';
import { HOUR_MS, SeriesSchema } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { formatSummary } from './format-summary.ts';
import { loadSeries } from './load-series.ts';

const fleet = fileURLToPath(new URL('../../fixtures/prepare/fleet-hourly.csv', import.meta.url));

describe('loadSeries', () => {
  it('loads a long CSV and prepares one series per id', async () => {
    const { series, summary } = await loadSeries(fleet, { idCol: 'model' });
    expect(series.map((s) => s.id)).toEqual(['llama', 'mixtral']);
    const [llama, mixtral] = series;
    for (const s of series) expect(SeriesSchema.safeParse(s).success).toBe(true);
    expect(llama!.timestamps[0]).toBe(Date.UTC(2024, 2, 1));
    expect(llama!.stepMs).toBe(HOUR_MS);
    expect([...llama!.values]).toEqual([100, 110, 120, 130, 140, 150]);
    expect([...llama!.filled]).toEqual([0, 0, 1, 0, 1, 0]);
    // 02:00 (missing row) and 03:00 (empty cell) lie between 260 at 01:00 and 280 at 04:00.
    expect([...llama!.columns.p95_latency_ms!]).toEqual([250, 260, 260 + 20 / 3, 260 + 40 / 3, 280, 290]);
    expect([...mixtral!.values]).toEqual([50, 55, 60]);
    expect(summary).toMatchObject({
      source: fleet,
      format: 'csv',
      timestampFormat: 'iso-utc',
      timeColumn: 'timestamp',
      idColumn: 'model',
      rowsRead: 8,
      rowsUsed: 8,
      outOfOrderRows: 1,
      seriesCount: 2,
      step: '1h',
      textColumns: ['region'],
      gaps: { runs: 2, pointsFilled: 2, longestPoints: 1, longest: '1 hour' },
    });
    expect(summary.columns.find((c) => c.name === 'compute_tflops')).toMatchObject({
      count: 7,
      missing: 1,
      min: 50,
      max: 150,
      target: true,
      aggregation: 'mean',
    });
    // The summary is plain JSON.
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('resamples what it loads', async () => {
    const { series, summary } = await loadSeries(fleet, { idCol: 'model', resample: '2h' });
    expect([...series[0]!.columns.request_count!]).toEqual([2100, 1300, 2900]);
    expect(summary.stepSource).toBe('resampled');
    expect(summary.rowsMergedByResample).toBe(3);
    expect(formatSummary(summary)).toContain('step        2h (resampled from 1h)');
  });
});
