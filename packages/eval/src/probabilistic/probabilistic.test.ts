import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crpsFromQuantiles } from './crps-from-quantiles.ts';
import { empiricalCoverage } from './empirical-coverage.ts';
import { intervalScore } from './interval-score.ts';
import { pinballLoss } from './pinball-loss.ts';

describe('pinballLoss', () => {
  // level 0.9: y=10, q=12 -> e=-2 -> (0.9-1)(-2) = 0.2; y=20, q=15 -> e=5 -> 0.9*5 = 4.5; mean 2.35
  it('matches a hand-computed value', () => {
    expect(pinballLoss([10, 20], [12, 15], 0.9)).toBeCloseTo(2.35, 12);
  });

  it('rejects a level outside (0, 1)', () => {
    expect(() => pinballLoss([1], [1], 1)).toThrow(/between 0 and 1/);
  });

  it('is never negative, and 0 for a perfect quantile', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(finite, finite), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (pairs, level) => {
          const actual = pairs.map((p) => p[0]);
          expect(
            pinballLoss(
              actual,
              pairs.map((p) => p[1]),
              level,
            ),
          ).toBeGreaterThanOrEqual(0);
          expect(pinballLoss(actual, actual, level)).toBe(0);
        },
      ),
    );
  });
});

describe('empiricalCoverage', () => {
  // y = 1,2,3,4; P50 = 2 everywhere -> 1,2 covered -> 0.5; P90 = 5,5,5,3 -> 1,2,3 covered -> 0.75
  it('counts actuals at or below each quantile', () => {
    expect(
      empiricalCoverage(
        [1, 2, 3, 4],
        [
          { level: 0.5, values: [2, 2, 2, 2] },
          { level: 0.9, values: [5, 5, 5, 3] },
        ],
      ),
    ).toEqual([
      { level: 0.5, coverage: 0.5 },
      { level: 0.9, coverage: 0.75 },
    ]);
  });

  it('stays in [0, 1]', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite), { minLength: 1, maxLength: 50 }), (pairs) => {
        const [c] = empiricalCoverage(
          pairs.map((p) => p[0]),
          [{ level: 0.9, values: pairs.map((p) => p[1]) }],
        );
        expect(c!.coverage).toBeGreaterThanOrEqual(0);
        expect(c!.coverage).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('intervalScore', () => {
  // [2, 10], alpha 0.2 -> width 8, penalty 2/0.2 = 10 per unit outside.
  // y=5 inside: 8; y=0: 8 + 10*2 = 28; y=12: 8 + 10*2 = 28 -> mean 64/3
  it('adds width and scaled misses', () => {
    expect(intervalScore([5, 0, 12], [2, 2, 2], [10, 10, 10], 0.2)).toBeCloseTo(64 / 3, 12);
  });

  it('rejects an inverted interval', () => {
    expect(() => intervalScore([5], [10], [2], 0.2)).toThrow(/lower bound above upper/);
  });
});

describe('crpsFromQuantiles', () => {
  // y = 10, 20. P10 = 8, 18: e = 2, 2 -> 0.2, 0.2 -> 0.2. P50 = 10, 22: 0, 0.5*2 = 1 -> 0.5.
  // P90 = 13, 25: 0.1*3, 0.1*5 = 0.3, 0.5 -> 0.4. CRPS ≈ 2 * (0.2 + 0.5 + 0.4) / 3 = 0.7333
  it('is twice the mean pinball loss over the levels', () => {
    const crps = crpsFromQuantiles(
      [10, 20],
      [
        { level: 0.1, values: [8, 18] },
        { level: 0.5, values: [10, 22] },
        { level: 0.9, values: [13, 25] },
      ],
    );
    expect(crps).toBeCloseTo((2 * 1.1) / 3, 12);
  });

  // For a point forecast f (every quantile = f), the exact CRPS is |y - f|; the mean over the
  // symmetric levels 0.01..0.99 of 2*pinball is |y - f| too (levels average to 0.5).
  it('approximates the CRPS of a point forecast', () => {
    const levels = Array.from({ length: 99 }, (_, k) => (k + 1) / 100);
    const crps = crpsFromQuantiles(
      [7],
      levels.map((level) => ({ level, values: [4] })),
    );
    expect(crps).toBeCloseTo(3, 10);
  });
});
