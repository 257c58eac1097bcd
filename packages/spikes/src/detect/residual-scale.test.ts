import { describe, expect, it } from 'vitest';
import { seededRandom } from '../forest/seeded-random.ts';
import { ResidualScale } from './residual-scale.ts';

/** Standard-normal-ish draws (sum of 4 uniforms, unit variance). */
function normals(n: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from(
    { length: n },
    () => (random() + random() + random() + random() - 2) * Math.sqrt(3),
  );
}

const options = { initSteps: 42, quietSteps: 6, alpha: 1 - 0.5 ** (1 / 72) };

function feed(scale: ResidualScale, residuals: Float64Array, sd: number): void {
  for (const r of residuals) scale.learn(sd * r, 3 * Math.sqrt(scale.variance) || Number.POSITIVE_INFINITY);
}

describe('ResidualScale', () => {
  it('starts from the MAD of the first residuals: a spike among them does not inflate it', () => {
    const first = normals(42, 1).map((r) => 0.1 * r);
    first[5] = 50;
    const scale = new ResidualScale({ ...options, windowSteps: 336 });
    feed(scale, first, 1);
    expect(Math.sqrt(scale.variance)).toBeGreaterThan(0.07);
    expect(Math.sqrt(scale.variance)).toBeLessThan(0.14);
  });

  it('forgets a scale set 4x too high within days; the exponential one takes two weeks', () => {
    for (const windowSteps of [336, 0]) {
      const scale = new ResidualScale({ ...options, windowSteps });
      feed(scale, normals(42, 2), 0.4);
      feed(scale, normals(72, 3), 0.1);
      // Measured after 3 days: 0.103 with the window, 0.191 exponential (0.107 after 15 days).
      const sd = Math.sqrt(scale.variance);
      if (windowSteps > 0) expect(sd).toBeLessThan(0.12);
      else expect(sd).toBeGreaterThan(0.15);
    }
  });

  it('moves less when residuals run one way for two days (the days after a launch)', () => {
    const grown = (windowSteps: number) => {
      const scale = new ResidualScale({ ...options, windowSteps });
      feed(scale, normals(42 + 336, 4), 0.1);
      const before = Math.sqrt(scale.variance);
      // 48 steps at -2.5 sd: within the outlier bound, so learned.
      feed(
        scale,
        Float64Array.from({ length: 48 }, () => -2.5),
        0.1,
      );
      return Math.sqrt(scale.variance) / before;
    };
    // Measured 1.18x with the window, 1.76x exponential.
    expect(grown(336)).toBeLessThan(1.3);
    expect(grown(0)).toBeGreaterThan(1.5);
  });
});
