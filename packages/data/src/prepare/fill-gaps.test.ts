import { describe, expect, it } from 'vitest';
import { gapStats, interpolateMissing } from './fill-gaps.ts';

describe('interpolateMissing', () => {
  it('interpolates linearly inside and stays flat at the ends', () => {
    const column = Float64Array.from([Number.NaN, 2, Number.NaN, Number.NaN, 8, 10, Number.NaN]);
    expect(interpolateMissing(column)).toBe(true);
    expect([...column]).toEqual([2, 2, 4, 6, 8, 10, 10]);
  });

  it('leaves a column without any value untouched and says so', () => {
    const column = Float64Array.from([Number.NaN, Number.NaN]);
    expect(interpolateMissing(column)).toBe(false);
    expect(column.every(Number.isNaN)).toBe(true);
  });
});

describe('gapStats', () => {
  it('counts runs, points and the longest run', () => {
    expect(gapStats(Uint8Array.from([1, 0, 0, 1, 1, 1, 0, 1]))).toEqual({
      runs: 3,
      pointsFilled: 5,
      longestPoints: 3,
    });
    expect(gapStats(new Uint8Array(4))).toEqual({ runs: 0, pointsFilled: 0, longestPoints: 0 });
  });
});
