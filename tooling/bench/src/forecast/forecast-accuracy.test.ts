import { describe, expect, it } from 'vitest';
import { poolAccuracy, type ScoredWindow } from './forecast-accuracy.ts';

const HOUR = 3_600_000;

/** A window of 48 hours whose quantiles sit at fixed multiples of the actuals. */
function window(actual: number[], history: number[]): ScoredWindow {
  const a = Float64Array.from(actual);
  const times = Float64Array.from(actual, (_, i) => Date.UTC(2025, 0, 6) + i * HOUR);
  const times1 = (k: number) => Float64Array.from(a, (v) => v * k);
  return {
    timestamps: times,
    actual: a,
    history: Float64Array.from(history),
    scenarios: {
      p50: times1(1.1),
      expected_value: times1(1),
      p75: times1(0.9),
      p90: times1(1.2),
      p95: times1(1.3),
      p99: times1(1.5),
    },
  };
}

describe('poolAccuracy', () => {
  it('computes MAPE of P50 and the expected value, daily MAPE, and coverage per quantile', () => {
    const actual = Array.from({ length: 48 }, (_, i) => 100 + i);
    const w = window(
      actual,
      Array.from({ length: 24 }, () => 100),
    );
    const a = poolAccuracy([w], 24);
    expect(a.windows).toBe(1);
    expect(a.points).toBe(48);
    expect(a.mapeP50).toBeCloseTo(10, 10); // P50 is 10% above every actual
    expect(a.mapeExpected).toBeCloseTo(0, 10);
    expect(a.dailyMapeP50).toBeCloseTo(10, 10);
    // P75 sits below every actual (coverage 0), the others above (coverage 1).
    expect(a.coverage.map((c) => c.coverage)).toEqual([1, 0, 1, 1, 1]);
    // Seasonal naive repeats 100: |y - 100| / y averaged over the 48 hours.
    const expected = actual.reduce((s, y) => s + (100 * (y - 100)) / y, 0) / 48;
    expect(a.mapeSeasonalNaive).toBeCloseTo(expected, 10);
  });

  it('scores only the kept hours hourly, and every hour in daily totals', () => {
    const actual = Array.from({ length: 48 }, () => 100);
    const w = window(actual, actual.slice(0, 24));
    // the first 12 hours are an "event": P50 there is 3x off, outside it 10% as everywhere
    w.scenarios.p50 = Float64Array.from(actual, (v, i) => (i < 12 ? 3 * v : 1.1 * v));
    w.keep = Uint8Array.from(actual, (_, i) => (i < 12 ? 0 : 1));
    const a = poolAccuracy([w], 24);
    expect(a.points).toBe(36);
    expect(a.mapeP50).toBeCloseTo(10, 10);
    // day one: 12 h at +200% and 12 h at +10% -> +105%; day two +10%
    expect(a.dailyMapeP50).toBeCloseTo((105 + 10) / 2, 10);
    expect(a.coverage.map((c) => c.coverage)).toEqual([1, 0, 1, 1, 1]);
  });

  it('leaves a window with no kept hour out of the hourly scores', () => {
    const flat = Array.from({ length: 24 }, () => 100);
    const inside = window(flat, flat);
    inside.scenarios.p50 = Float64Array.from(flat, (v) => 5 * v);
    inside.keep = new Uint8Array(24);
    const a = poolAccuracy([window(flat, flat), inside], 24);
    expect(a.points).toBe(24);
    expect(a.mapeP50).toBeCloseTo(10, 10);
    // daily totals use every window: (10% + 400%) / 2
    expect(a.dailyMapeP50).toBeCloseTo(205, 10);
  });

  it('averages MAPE over windows with equal weight', () => {
    const flat = Array.from({ length: 24 }, () => 100);
    const a = poolAccuracy([window(flat, flat), window(flat, flat)], 24);
    expect(a.windows).toBe(2);
    expect(a.mapeP50).toBeCloseTo(10, 10);
    expect(a.mapeSeasonalNaive).toBe(0);
  });
});
