import { describe, expect, it } from 'vitest';
import { multiplicativeSeasonalIndices } from './classical-decomposition.ts';
import { naive2 } from './naive2.ts';
import { seasonalNaive } from './seasonal-naive.ts';
import { autocorrelation, m4SeasonalityTest } from './seasonality-test.ts';

describe('seasonalNaive', () => {
  it('repeats the last season', () => {
    expect([...seasonalNaive([1, 2, 3, 4, 5, 6], 5, 3)]).toEqual([4, 5, 6, 4, 5]);
  });
});

describe('m4SeasonalityTest', () => {
  // 10,20 alternating, n = 6: mean 15, deviations -5,+5,...; r1 = 5*(-25)/(6*25) = -5/6,
  // r2 = 4*25/150 = 2/3; limit = 1.645*sqrt((1 + 2*(25/36))/6) = 1.0380 > 2/3 -> not seasonal.
  // n = 12: r1 = -11/12, r2 = 10/12 = 0.8333; limit = 1.645*sqrt((1 + 2*(121/144))/12) = 0.7775 -> seasonal.
  it('compares |r_m| with the 90% limit as M4 R code does', () => {
    const six = [10, 20, 10, 20, 10, 20];
    expect(autocorrelation(six, 1)).toBeCloseTo(-5 / 6, 12);
    expect(autocorrelation(six, 2)).toBeCloseTo(2 / 3, 12);
    expect(m4SeasonalityTest(six, 2)).toBe(false);
    expect(m4SeasonalityTest([...six, ...six], 2)).toBe(true);
  });

  it('is false below 3 seasons and when R acf would not reach lag m', () => {
    expect(m4SeasonalityTest([1, 2, 1, 2, 1], 2)).toBe(false);
    // n = 100 >= 3*24, but floor(10*log10(100)) = 20 < 24: R's acf stops at lag 20.
    const daily = Array.from({ length: 100 }, (_, t) => 10 + Math.sin((2 * Math.PI * t) / 24));
    expect(m4SeasonalityTest(daily, 24)).toBe(false);
  });
});

describe('multiplicativeSeasonalIndices', () => {
  // 1,2,3 repeated, m = 3 (odd): centred 3-term mean = 2 everywhere -> ratios 0.5, 1, 1.5.
  it('matches R decompose on an odd period', () => {
    const x = [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3];
    const s = multiplicativeSeasonalIndices(x, 3);
    expect([...s].map((v) => Number(v.toFixed(12)))).toEqual([0.5, 1, 1.5]);
  });

  // 10,20 repeated, m = 2 (even): 2x2 average (0.5*20 + 10 + 0.5*20)/2 = 15 -> ratios 2/3, 4/3.
  it('uses the 2 x m centred average on an even period', () => {
    const s = multiplicativeSeasonalIndices([10, 20, 10, 20, 10, 20, 10, 20], 2);
    expect(s[0]).toBeCloseTo(2 / 3, 12);
    expect(s[1]).toBeCloseTo(4 / 3, 12);
  });
});

describe('naive2', () => {
  // Seasonal (n = 12, see above): indices 2/3, 4/3; last value 20 at position 11 (odd) ->
  // adjusted level 20/(4/3) = 15; forecasts 15*(2/3), 15*(4/3), 15*(2/3) = 10, 20, 10.
  it('reseasonalises the last adjusted value when seasonal', () => {
    const x = [10, 20, 10, 20, 10, 20, 10, 20, 10, 20, 10, 20];
    expect([...naive2(x, 3, 2)].map((v) => Number(v.toFixed(9)))).toEqual([10, 20, 10]);
  });

  it('is the plain naive forecast when not seasonal', () => {
    expect([...naive2([10, 20, 10, 20, 10, 20], 3, 2)]).toEqual([20, 20, 20]);
    expect([...naive2([3, 5, 4], 2, 1)]).toEqual([4, 4]);
  });
});
