import type { Series } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { describeSeries } from './series-description.ts';

function series(values: number[], filled: number[]): Series {
  const v = Float64Array.from(values);
  return {
    id: 'default',
    target: 'compute_tflops',
    stepMs: 3_600_000,
    timestamps: Float64Array.from(values, (_, i) => Date.UTC(2025, 0, 1) + i * 3_600_000),
    values: v,
    filled: Uint8Array.from(filled),
    columns: { compute_tflops: v },
    timeZone: 'UTC',
  };
}

describe('describeSeries', () => {
  it('counts points, gaps (runs of filled points) and the observed range', () => {
    // Two gaps: points 1-2 and point 5. The filled values (999) are not observations.
    const d = describeSeries(series([10, 999, 999, 12, 8, 999, 20], [0, 1, 1, 0, 0, 1, 0]));
    expect(d).toEqual({
      points: 7,
      start: Date.UTC(2025, 0, 1),
      end: Date.UTC(2025, 0, 1, 6),
      stepMs: 3_600_000,
      min: 8,
      max: 20,
      filledPoints: 3,
      gaps: 2,
    });
  });

  it('handles a gap at the start and an empty series', () => {
    expect(describeSeries(series([5, 7], [1, 0]))).toMatchObject({
      gaps: 1,
      filledPoints: 1,
      min: 7,
      max: 7,
    });
    const empty = describeSeries(series([], []));
    expect(empty.points).toBe(0);
    expect(empty.min).toBeNaN();
    expect(empty.start).toBeNaN();
  });
});
