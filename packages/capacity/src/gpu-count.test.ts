import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baselineGpusFor, gpusFor } from './gpu-count.ts';

describe('gpusFor', () => {
  it('is ceil(capacity / tflops)', () => {
    expect(gpusFor(2600, 312)).toBe(9);
    expect(gpusFor(624, 312)).toBe(2);
    expect(gpusFor(624.5, 312)).toBe(3);
    expect(gpusFor(0, 312)).toBe(0);
    expect(gpusFor(0.001, 989)).toBe(1);
  });

  it('covers the capacity with the fewest GPUs even when the division rounds', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0.5, max: 5000, noNaN: true }),
        (c, t) => {
          const n = gpusFor(c, t);
          expect(n * t).toBeGreaterThanOrEqual(c);
          if (n > 0) expect((n - 1) * t).toBeLessThan(c);
        },
      ),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('sizes the baseline at the utilization target', () => {
    // 1000 / (312 x 0.7) = 4.58 -> 5
    expect(baselineGpusFor(1000, 312, 0.7)).toBe(5);
    // 2000 / 218.4 = 9.16 -> 10
    expect(baselineGpusFor(2000, 312, 0.7)).toBe(10);
    expect(baselineGpusFor(0, 312, 0.7)).toBe(0);
  });
});
