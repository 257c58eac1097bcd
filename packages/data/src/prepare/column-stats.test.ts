import { describe, expect, it } from 'vitest';
import { columnMoments, combineMoments, statsOf } from './column-stats.ts';

describe('column statistics', () => {
  it('computes min, mean, max, population std and missing cells', () => {
    const stats = statsOf(columnMoments(Float64Array.from([2, 4, Number.NaN, 4, 4, 5, 5, 7, 9])));
    expect(stats).toEqual({ count: 8, missing: 1, min: 2, mean: 5, max: 9, std: 2 });
  });

  it('combines two halves into the statistics of the whole', () => {
    const all = Float64Array.from([1.5, 3, Number.NaN, 8, 2.25, 10, 4]);
    const whole = statsOf(columnMoments(all));
    const combined = statsOf(
      combineMoments(columnMoments(all.subarray(0, 3)), columnMoments(all.subarray(3))),
    );
    expect(combined.count).toBe(whole.count);
    expect(combined.missing).toBe(1);
    expect(combined.mean).toBeCloseTo(whole.mean!, 12);
    expect(combined.std).toBeCloseTo(whole.std!, 12);
    expect([combined.min, combined.max]).toEqual([1.5, 10]);
  });

  it('reports null statistics for a column without values', () => {
    expect(statsOf(columnMoments(Float64Array.from([Number.NaN])))).toEqual({
      count: 0,
      missing: 1,
      min: null,
      mean: null,
      max: null,
      std: null,
    });
  });
});
