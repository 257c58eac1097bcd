import { describe, expect, it } from 'vitest';
import { averagePathLength, IsolationForest } from './isolation-forest.ts';
import { seededRandom } from './seeded-random.ts';

describe('averagePathLength c(n)', () => {
  it('matches the hand-computed values of Liu et al.', () => {
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    // c(256) = 2 (ln 255 + gamma) - 2 * 255 / 256 = 10.2448
    expect(averagePathLength(256)).toBeCloseTo(10.2448, 3);
  });
});

describe('IsolationForest', () => {
  const random = seededRandom(7);
  const rows = Array.from({ length: 1000 }, () => Float64Array.of(random() * 2 - 1, random() * 2 - 1));

  it('isolates an outlier faster than the inliers: higher score', () => {
    const forest = IsolationForest.fit(rows, { seed: 1 });
    const outlier = forest.score([8, 8]);
    const centre = forest.score([0, 0]);
    expect(outlier).toBeGreaterThan(0.65); // measured 0.674 (seed 1)
    expect(outlier - centre).toBeGreaterThan(0.2);
    expect(centre).toBeLessThan(0.5);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = IsolationForest.fit(rows, { seed: 3 }).score([0.9, -0.9]);
    const b = IsolationForest.fit(rows, { seed: 3 }).score([0.9, -0.9]);
    const c = IsolationForest.fit(rows, { seed: 4 }).score([0.9, -0.9]);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('needs at least two points', () => {
    expect(() => IsolationForest.fit([Float64Array.of(1)])).toThrow(/at least 2/);
  });
});
