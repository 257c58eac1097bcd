import { describe, expect, it } from 'vitest';
import { seededRandom } from '../forest/seeded-random.ts';
import { RollingWindows } from './rolling-windows.ts';

/** Mean and population variance of `values[from, to)`. */
function moments(values: readonly number[], from: number, to: number): { mean: number; variance: number } {
  const slice = values.slice(from, to);
  const mean = slice.reduce((a, v) => a + v, 0) / slice.length;
  return { mean, variance: slice.reduce((a, v) => a + (v - mean) ** 2, 0) / slice.length };
}

describe('RollingWindows', () => {
  // A level of 1e4 with a shift and noise, long enough for many exact recomputations
  const random = seededRandom(17);
  const values = Array.from({ length: 3000 }, (_, i) => 1e4 + (i > 1500 ? 300 : 0) + 50 * (random() - 0.5));

  it('holds the moments of every short window and of the reference just before the longest, at every step', () => {
    const reference = 97;
    const shorts = [1, 5, 12];
    const windows = new RollingWindows(reference, shorts);
    let checked = 0;
    values.forEach((v, t) => {
      const ready = windows.push(v);
      expect(ready).toBe(t >= reference + 12);
      if (!ready) return;
      // reference: the `reference` points ending just before the longest short window
      const ref = moments(values, t - 12 - reference, t - 12);
      expect(windows.referenceMean() + windows.level).toBeCloseTo(ref.mean, 6);
      expect(windows.referenceVariance()).toBeCloseTo(ref.variance, 4);
      shorts.forEach((k, j) => {
        const own = moments(values, t - k + 1, t + 1);
        expect(windows.shortMean(j) + windows.level).toBeCloseTo(own.mean, 6);
        expect(windows.shortVariance(j)).toBeCloseTo(own.variance, 4);
      });
      checked++;
    });
    expect(checked).toBe(3000 - 97 - 12);
  });

  it('works without a reference window, ready once the longest window is full', () => {
    const windows = new RollingWindows(0, [4, 9]);
    values.slice(0, 400).forEach((v, t) => {
      expect(windows.push(v)).toBe(t >= 8);
      if (t < 8) return;
      expect(windows.shortVariance(1)).toBeCloseTo(moments(values, t - 8, t + 1).variance, 4);
    });
  });
});
