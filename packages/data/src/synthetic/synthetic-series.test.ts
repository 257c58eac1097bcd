import { SeriesSchema } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { generateSynthetic } from './generate-synthetic.ts';
import { syntheticSeries } from './synthetic-series.ts';

const data = generateSynthetic({
  start: '2025-03-01',
  end: '2025-03-08',
  seed: 3,
  timeZone: 'Europe/Berlin',
});

describe('syntheticSeries', () => {
  it('is the generated target as a valid series, nothing filled, in the generator zone', () => {
    const series = syntheticSeries(data);
    expect(SeriesSchema.safeParse(series).success).toBe(true);
    expect(series.id).toBe('synthetic-3');
    expect(series.target).toBe('compute_tflops');
    expect(series.values).toBe(data.columns.compute_tflops);
    expect(series.timestamps).toBe(data.timestamps);
    expect(series.stepMs).toBe(3_600_000);
    expect(series.timeZone).toBe('Europe/Berlin');
    expect(series.filled.reduce((a, b) => a + b, 0)).toBe(0);
    expect(Object.keys(series.columns)).toEqual(['compute_tflops']);
  });

  it('takes another target and every column when asked', () => {
    const series = syntheticSeries(data, { id: 'fleet-1', target: 'request_count', columns: 'all' });
    expect(series.id).toBe('fleet-1');
    expect(series.values).toBe(data.columns.request_count);
    expect(Object.keys(series.columns).sort()).toEqual(Object.keys(data.columns).sort());
  });
});
