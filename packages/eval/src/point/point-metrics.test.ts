import { CdfError } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mae } from './mae.ts';
import { mape } from './mape.ts';
import { mase } from './mase.ts';
import { owa } from './owa.ts';
import { rmse } from './rmse.ts';
import { seasonalNaiveScale } from './seasonal-scale.ts';
import { smape } from './smape.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (CdfError.isInstance(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('mae / rmse', () => {
  // errors |1-2| = 1, |2-2| = 0, |3-5| = 2: MAE = 3/3 = 1, RMSE = sqrt((1 + 0 + 4)/3) = sqrt(5/3)
  it('match hand-computed values', () => {
    expect(mae([1, 2, 3], [2, 2, 5])).toBe(1);
    expect(rmse(new Float64Array([1, 2, 3]), [2, 2, 5])).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  it('reject misaligned, empty and non-finite input with a located CdfError', () => {
    expect(codeOf(() => mae([1, 2], [1]))).toBe('INVALID_VALUE');
    expect(codeOf(() => rmse([], []))).toBe('EMPTY_INPUT');
    try {
      mae([1, Number.NaN], [1, 2]);
      expect.unreachable();
    } catch (error) {
      expect(CdfError.isInstance(error) && error.location).toMatchObject({ column: 'actual', row: 2 });
    }
  });
});

describe('mape', () => {
  // |100-110|/100 = 10%, |200-150|/200 = 25%, actual 0 skipped, |50-50|/50 = 0% -> 35/3 = 11.667%
  it('skips zero actuals by default', () => {
    expect(mape([100, 200, 0, 50], [110, 150, 5, 50])).toBeCloseTo(35 / 3, 12);
  });

  it('throws on zero actuals when asked, and when every actual is zero', () => {
    expect(codeOf(() => mape([100, 0], [1, 1], { zeroActuals: 'error' }))).toBe('INVALID_VALUE');
    expect(codeOf(() => mape([0, 0], [1, 1]))).toBe('INVALID_VALUE');
  });
});

describe('smape (M4)', () => {
  // 200*10/(100+110) = 9.5238; both 0 -> 0; 200*50/(50+0) = 200; mean = 209.5238/3 = 69.8413
  it('matches hand-computed values and scores 0/0 as a perfect point', () => {
    expect(smape([100, 0, 50], [110, 0, 0])).toBeCloseTo((2000 / 210 + 200) / 3, 12);
  });
});

describe('mase (M4)', () => {
  // insample 1,3,2,6,3,5 with m = 2: |2-1|, |6-3|, |3-2|, |5-6| = 1,3,1,1 -> scale 6/4 = 1.5
  // with m = 1: 2,1,4,3,2 -> scale 12/5 = 2.4. Horizon errors |4-3|, |7-4| -> MAE 2.
  it('scales by the in-sample seasonal naive MAE', () => {
    const insample = [1, 3, 2, 6, 3, 5];
    expect(seasonalNaiveScale(insample, 2)).toBe(1.5);
    expect(mase([4, 7], [3, 4], { insample, seasonalPeriod: 2 })).toBeCloseTo(2 / 1.5, 12);
    expect(mase([4, 7], [3, 4], { insample, seasonalPeriod: 1 })).toBeCloseTo(2 / 2.4, 12);
  });

  it('needs more than m training points and a non-zero scale', () => {
    expect(codeOf(() => mase([1], [1], { insample: [1, 2], seasonalPeriod: 2 }))).toBe(
      'INSUFFICIENT_HISTORY',
    );
    expect(codeOf(() => mase([1], [1], { insample: [1, 2, 1, 2], seasonalPeriod: 2 }))).toBe('INVALID_VALUE');
    expect(codeOf(() => mase([1], [1], { insample: [1, 2, 3], seasonalPeriod: 0 }))).toBe('INVALID_CONFIG');
  });
});

describe('owa (M4)', () => {
  // (10/20 + 1/4) / 2 = 0.375
  it('averages the two ratios to Naive2', () => {
    expect(owa({ smape: 10, mase: 1 }, { smape: 20, mase: 4 })).toBe(0.375);
    expect(owa({ smape: 20, mase: 4 }, { smape: 20, mase: 4 })).toBe(1);
    expect(codeOf(() => owa({ smape: 1, mase: 1 }, { smape: 0, mase: 1 }))).toBe('INVALID_VALUE');
  });
});

describe('smape bounds', () => {
  it('stays within [0, 200] for any finite input', () => {
    const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite), { minLength: 1, maxLength: 50 }), (pairs) => {
        const value = smape(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(200 + 1e-9);
      }),
    );
  });
});
