import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, roundToDecimals } from './number-format.ts';

describe('roundToDecimals / formatNumber', () => {
  it('rounds halves away from zero and prints the short decimal', () => {
    expect(roundToDecimals(2.5, 0)).toBe(3);
    expect(roundToDecimals(-2.5, 0)).toBe(-3);
    expect(roundToDecimals(0.1 + 0.2, 3)).toBe(0.3);
    expect(formatNumber(0.1 + 0.2, 3)).toBe('0.3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.0001, 2)).toBe('0');
    expect(formatNumber(1e21)).toBe('1e+21');
    expect(roundToDecimals(Number.NaN, 2)).toBeNaN();
    expect(roundToDecimals(2 ** 60, 3)).toBe(2 ** 60);
  });

  it('reads back exactly, and rounding stays within half a unit of the last decimal (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 9 }),
        (x, d) => {
          expect(Number(formatNumber(x))).toBe(x === 0 ? 0 : x);
          const rounded = roundToDecimals(x, d);
          if (Math.abs(x) * 10 ** d < 2 ** 52) {
            expect(Math.abs(rounded - x)).toBeLessThanOrEqual(
              0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(x) * 1e-15,
            );
            // Idempotent: rounding a rounded value changes nothing.
            expect(roundToDecimals(rounded, d)).toBe(rounded);
            // The printed text has at most d decimals.
            const text = formatNumber(rounded);
            if (!text.includes('e')) expect((text.split('.')[1] ?? '').length).toBeLessThanOrEqual(d);
          }
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });
});
