import { describe, expect, it } from 'vitest';
import { levelRatio, profileForecast, profileInSample, profileMean } from './seasonal-profile.ts';

// period 3, values written for this test: cycles [1,2,3], [3,4,5], [5,6,7]
const values = Float64Array.from([1, 2, 3, 3, 4, 5, 5, 6, 7]);

describe('profileMean', () => {
  it('averages the most recent cycles before the origin, same phase', () => {
    // index 9 (phase 0) from origin 9: 5, then 3 -> (5 + 3) / 2
    expect(profileMean(values, 9, 9, 3, 2)).toBe(4);
    // index 13 (phase 1, two cycles ahead): last phase-1 value before 9 is 6 -> 6, 4, 2
    expect(profileMean(values, 9, 13, 3, 3)).toBe(4);
    // one cycle is the seasonal naive forecast
    expect(profileMean(values, 9, 11, 3, 1)).toBe(7);
  });
  it('never reads at or after the origin', () => {
    // in-sample at t = 4 from origin 4: phase 1 before 4 is index 1 (2) only
    expect(profileMean(values, 4, 4, 3, 3)).toBe(2);
    expect(Number.isNaN(profileMean(values, 2, 2, 3, 1))).toBe(true);
  });
});

describe('levelRatio', () => {
  // window 3 at origin 9: points 6,7,8 = 5,6,7 against one-cycle profiles 3,4,5 -> 18/12 = 1.5
  it('compares the last window with its own profile, clamped to [1/1.5, 1.5]', () => {
    expect(levelRatio(values, 9, 3, 1, 3)).toBe(1.5);
    // against two-cycle means (3+1)/2, (4+2)/2, (5+3)/2 = 2,3,4 -> 18/9 = 2 -> clamped to 1.5
    expect(levelRatio(values, 9, 3, 2, 3)).toBe(1.5);
    // window 2 at origin 6: points 4,5 = 4,5 vs 2,3 -> 9/5 = 1.8 -> 1.5; flat data -> 1
    expect(levelRatio(Float64Array.from([2, 2, 2, 2, 2, 2]), 6, 3, 1, 3)).toBe(1);
  });
});

describe('profileForecast / profileInSample', () => {
  it('rescales the profile by the level ratio', () => {
    const rule = { period: 3, cycles: 2, levelWindow: 3 };
    // profiles (5+3)/2, (6+4)/2, (7+5)/2 = 4,5,6 times 1.5
    expect(Array.from(profileForecast(values, 3, rule))).toEqual([6, 7.5, 9]);
  });
  it('gives one-step in-sample values, NaN over the first cycle', () => {
    const inSample = profileInSample(values, { period: 3, cycles: 1, levelWindow: 0 });
    expect(Array.from(inSample.subarray(3))).toEqual([1, 2, 3, 3, 4, 5]);
    expect(Number.isNaN(inSample[0]!)).toBe(true);
  });
});
