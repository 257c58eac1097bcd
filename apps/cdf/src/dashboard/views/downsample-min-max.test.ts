import { describe, expect, it } from 'vitest';
import { downsampleMinMax } from './downsample-min-max.ts';

// A deterministic wiggly series with a few sharp spikes and dips.
function series(n: number): number[] {
  return Array.from(
    { length: n },
    (_, i) =>
      100 + 40 * Math.sin(i / 24) + ((i * 7919) % 13) - (i % 997 === 0 ? 90 : 0) + (i % 1231 === 5 ? 300 : 0),
  );
}

describe('downsampleMinMax', () => {
  it('keeps a short series whole', () => {
    expect(downsampleMinMax([3, 1, 2], 10)).toEqual([0, 1, 2]);
  });

  it('keeps the global and every bucket minimum and maximum of a 2-year hourly series', () => {
    const values = series(17_520);
    const idx = downsampleMinMax(values, 5000);
    expect(idx.length).toBeLessThanOrEqual(5000);
    expect(idx.length).toBeGreaterThan(2500);
    const kept = idx.map((i) => values[i]!);
    expect(Math.max(...kept)).toBe(Math.max(...values));
    expect(Math.min(...kept)).toBe(Math.min(...values));
    // Every spike (+300) survives.
    for (let i = 0; i < values.length; i++) if (i % 1231 === 5) expect(idx).toContain(i);
    // Strictly increasing indices.
    for (let k = 1; k < idx.length; k++) expect(idx[k]!).toBeGreaterThan(idx[k - 1]!);
  });

  it('keeps the highest marked step of each bucket', () => {
    const values = series(20_000);
    const marked = (i: number) => i % 500 === 250;
    const idx = downsampleMinMax(values, 1000, marked);
    for (let i = 0; i < values.length; i++) if (marked(i)) expect(idx).toContain(i);
    expect(idx.length).toBeLessThanOrEqual(1500);
  });
});
