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
  it('rescales the profile to the recent level and stays flat there', () => {
    // level ramps 5% a step (shape 1,2,3,4 over period 4): the one-cycle ratio over the last 2
    // points is 1.05^4; each profile point is carried from where it was taken to the middle of
    // that window (step 11), so every forecast is its phase's shape x 1.05^11, for two cycles.
    const shape = [1, 2, 3, 4];
    const ramp = Float64Array.from({ length: 12 }, (_, i) => shape[i % 4]! * 1.05 ** i);
    const rule = { period: 4, cycles: 1, levelWindow: 2 };
    const forecast = profileForecast(ramp, 8, rule);
    forecast.forEach((f, h) => {
      expect(f).toBeCloseTo(shape[h % 4]! * 1.05 ** 11, 9);
    });
    // one ratio for every step (the growth carried on) would have given 1.05^(12 + h)
    expect(forecast[7]! / (shape[3]! * 1.05 ** 19)).toBeLessThan(0.7);
  });
  it('places a profile by the cycles the history holds, not the rule asks for', () => {
    // the same 5% ramp, two cycles of period 4 only, for a three-cycle rule: each forecast
    // averages the two cycles there are (centred 2 steps apart, not 4) and the level window's
    // own profiles hold one cycle (4 steps behind, not 8). Carried to the window's middle (step
    // 7): shape x 1.05^7 up to the mean of two exponentials (0.5%); placed as if three cycles
    // were there, 1.05^7 x 0.934 (6.6% low), as before 2026-11-27
    const shape = [1, 2, 3, 4];
    const ramp = Float64Array.from({ length: 8 }, (_, i) => shape[i % 4]! * 1.05 ** i);
    const forecast = profileForecast(ramp, 8, { period: 4, cycles: 3, levelWindow: 2 });
    forecast.forEach((f, h) => {
      expect(Math.abs(f / (shape[h % 4]! * 1.05 ** 7) - 1)).toBeLessThan(0.01);
    });
  });
  it('leaves a profile without level drift as it is', () => {
    const flat = Float64Array.from({ length: 12 }, (_, i) => [1, 2, 3, 4][i % 4]!);
    const forecast = profileForecast(flat, 4, { period: 4, cycles: 3, levelWindow: 2 });
    expect(Array.from(forecast)).toEqual([1, 2, 3, 4]);
  });
  it('gives one-step in-sample values, NaN over the first cycle', () => {
    const inSample = profileInSample(values, { period: 3, cycles: 1, levelWindow: 0 });
    expect(Array.from(inSample.subarray(3))).toEqual([1, 2, 3, 3, 4, 5]);
    expect(Number.isNaN(inSample[0]!)).toBe(true);
  });
});
