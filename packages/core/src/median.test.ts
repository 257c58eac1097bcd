import { describe, expect, it } from 'vitest';
import { median, medianInPlace, robustSd } from './median.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('leaves its input alone; medianInPlace only looks at the first n values', () => {
    const values = [9, 2, 7, 4];
    expect(median(values)).toBe(5.5);
    expect(values).toEqual([9, 2, 7, 4]);
    expect(medianInPlace(Float64Array.from([3, 1, 2, 100, 100]), 3)).toBe(2);
  });

  it('agrees with sorting on random data, with ties', () => {
    let state = 17;
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + (trial % 13);
      const values = Array.from({ length: n }, () => {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        return state % 7;
      });
      const sorted = [...values].sort((a, b) => a - b);
      const expected = n % 2 === 1 ? sorted[n >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      expect(median(values)).toBe(expected);
    }
  });
});

describe('robustSd', () => {
  it('is 1.4826 x the median absolute deviation, about the median or a given centre', () => {
    // deviations from the median 3: 2, 1, 0, 1, 97 -> median 1
    expect(robustSd([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 12);
    // about 0: 1, 2, 3, 4, 100 -> median 3
    expect(robustSd([1, 2, 3, 4, 100], 0)).toBeCloseTo(3 * 1.4826, 12);
    expect(robustSd([])).toBeNaN();
  });
});
