import { describe, expect, it } from 'vitest';
import { seededRandom } from '../forest/seeded-random.ts';
import { LevelShiftStat } from './level-shift-stat.ts';
import { scanCorrections } from './scan-correction.ts';

/** `n` points of seeded noise around 100 (sums of uniforms: light tails). */
function noise(n: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length: n }, () => 100 + (random() + random() + random() + random() - 2) * 3);
}

/** Separate excursions of `decades` to at least `level`: runs of such points, merged across gaps of up to `gap`. */
function excursions(decades: Float64Array, level: number, gap: number): number {
  let count = 0;
  let last = Number.NEGATIVE_INFINITY;
  decades.forEach((d, i) => {
    if (d < level) return;
    if (i - last > gap) count++;
    last = i;
  });
  return count;
}

describe('scanCorrections', () => {
  it('charges each window log10(longest / k) decades, nothing for the longest', () => {
    const c = scanCorrections([1, 8, 32]);
    expect(c[0]).toBeCloseTo(Math.log10(32), 12);
    expect(c[1]).toBeCloseTo(Math.log10(4), 12);
    expect(c[2]).toBe(0);
    expect(Array.from(scanCorrections([12]))).toEqual([0]);
  });

  it('keeps a point window from outnumbering a long one in false alarms on pure noise', () => {
    const values = noise(40_000, 17);
    const run = (windows: number[]) => {
      const stat = new LevelShiftStat(288, windows, 20_000);
      return excursions(
        Float64Array.from(values, (v) => stat.step(v)),
        2.5,
        36,
      );
    };
    const point = run([1]);
    const long = run([32]);
    const both = run([1, 32]);
    // Alone, the point window raises many times the excursions of the 32-point one ...
    expect(point).toBeGreaterThan(3 * long);
    // ... combined, the correction holds the pair near the long window's rate, far from the point's.
    expect(both).toBeLessThan(point / 2);
    expect(both).toBeLessThan(3 * long);
  });
});
