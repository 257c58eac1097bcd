import { describe, expect, it } from 'vitest';
import { seededRandom } from '../forest/seeded-random.ts';
import { ChangeDetector } from './change-detector.ts';
import { VolatilityStat } from './volatility-stat.ts';

const FIVE_MIN = 300_000;

/** `n` 5-min points around 100 with seeded noise of sd `sd` (uniform sums, so no tails to speak of). */
function noisy(n: number, sd: number, seed = 5): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from(
    { length: n },
    () => 100 + sd * (random() + random() + random() + random() - 2) * Math.sqrt(3),
  );
}

describe('VolatilityStat', () => {
  it('is most improbable where the noise grows at the same mean', () => {
    const values = noisy(4 * 288, 1);
    const from = 3 * 288;
    values.set(noisy(36, 3, 9), from); // 3 h of three times the noise, mean unchanged
    const stat = new VolatilityStat([12], 20_000);
    const decades = Float64Array.from(values, (v) => stat.step(v));
    const inBurst = Math.max(...decades.subarray(from, from + 36));
    const before = Math.max(...decades.subarray(288, from));
    // a new record among 3 * 288 past values: about 3 decades
    expect(inBurst).toBeGreaterThan(2.9);
    expect(inBurst).toBeGreaterThan(before + 1);
  });

  it('does not count a spread that collapses', () => {
    const values = noisy(4 * 288, 1);
    const from = 3 * 288;
    values.fill(100, from, from + 36); // 3 h flat at the mean
    const stat = new VolatilityStat([12], 20_000);
    const decades = Float64Array.from(values, (v) => stat.step(v));
    // every past spread is at least as high: p = 1
    expect(Math.max(...decades.subarray(from + 12, from + 36))).toBe(0);
  });

  it('scores nothing before its start and its longest window', () => {
    const stat = new VolatilityStat([6, 12], 20_000, 100);
    for (const v of noisy(100 + 11, 1)) expect(stat.step(v)).toBe(0);
  });
});

describe('ChangeDetector with the volatility statistic', () => {
  it('reports the volatility as the most improbable of its statistics on a burst of noise', () => {
    // Background: sd 1 with an isolated +-6 blip every 50 points, so one far point is ordinary;
    // then 3 h of noise three times as wide, mean unchanged.
    const values = noisy(10 * 288, 1);
    for (let i = 25; i < values.length; i += 50) values[i] = 100 + (i % 100 === 25 ? 6 : -6);
    const from = 8 * 288 + 10;
    values.set(noisy(36, 3, 9), from);
    const inBurst = (volatilityWindows: number[]) => {
      const detector = new ChangeDetector(FIVE_MIN, { volatilityWindows });
      const most = { volatility: 0, others: 0 };
      for (let i = 0; i < values.length; i++) {
        const out = detector.step(values[i]!);
        if (i < from || i >= from + 36) continue;
        most.volatility = Math.max(most.volatility, out.decadesVolatility);
        most.others = Math.max(most.others, out.decadesLevel, out.decadesSeasonal, out.decadesContext);
      }
      return most;
    };
    const on = inBurst([12]);
    expect(on.volatility).toBeGreaterThan(3);
    expect(on.volatility).toBeGreaterThan(on.others);
    expect(inBurst([]).volatility).toBe(0);
    expect(new ChangeDetector(FIVE_MIN).params.volatilityWindows).toEqual([12]);
  });
});
