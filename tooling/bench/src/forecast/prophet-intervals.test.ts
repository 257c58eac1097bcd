import { describe, expect, it } from 'vitest';
import type { ScoredWindow } from './forecast-accuracy.ts';
import { scoreQuantiles } from './prophet-intervals.ts';

/** Two hours of actuals 100 and 200, with one method's quantile columns. */
function windowOf(actual: number[]): ScoredWindow {
  return {
    timestamps: Float64Array.from(actual, (_, i) => Date.UTC(2025, 0, 6) + i * 3_600_000),
    actual: Float64Array.from(actual),
    history: new Float64Array(0),
    scenarios: {},
  };
}

describe('scoreQuantiles', () => {
  it('scores pinball per level, [0, P95] and [0, P99] interval scores and coverage by hand', () => {
    const w = windowOf([100, 200]);
    const columns = {
      p50: Float64Array.of(110, 180),
      p75: Float64Array.of(120, 190),
      p90: Float64Array.of(130, 210),
      p95: Float64Array.of(140, 220),
      p99: Float64Array.of(150, 230),
    };
    const s = scoreQuantiles([w], [columns]);
    // P50: hour 1 over by 10 -> 0.5 x 10; hour 2 under by 20 -> 0.5 x 20; mean 7.5
    expect(s.pinball[0]).toBeCloseTo(7.5, 12);
    // P75: over by 20 -> 0.25 x 20 = 5; under by 10 -> 0.75 x 10 = 7.5; mean 6.25
    expect(s.pinball[1]).toBeCloseTo(6.25, 12);
    // [0, P95] covers both: mean width (140 + 220) / 2 = 180
    expect(s.upperInterval95).toBeCloseTo(180, 12);
    expect(s.coverage).toEqual([0.5, 0.5, 1, 1, 1]);
  });

  it('charges 2 / alpha for each unit of demand above the upper bound', () => {
    const w = windowOf([300]);
    const columns = Object.fromEntries(
      ['p50', 'p75', 'p90', 'p95', 'p99'].map((name) => [name, Float64Array.of(250)]),
    );
    const s = scoreQuantiles([w], [columns]);
    expect(s.upperInterval95).toBeCloseTo(250 + (2 / 0.05) * 50, 9);
    expect(s.upperInterval99).toBeCloseTo(250 + (2 / 0.01) * 50, 9);
    expect(s.coverage).toEqual([0, 0, 0, 0, 0]);
  });
});
