import { describe, expect, it } from 'vitest';
import { calibrationOriginPlan } from './calibration-origins.ts';
import { resolveQuantileParams } from './quantile-params.ts';

const p = resolveQuantileParams({}); // 24 origins, 47 steps apart, half the history

describe('calibrationOriginPlan', () => {
  it("keeps half the history (the stage's own rule) before the earliest origin", () => {
    // 1,008 points, horizon 24: the stage needs ceil(0.5 x 1008) = 504 points, more than the
    // baseline's 168: (1008 - 24 - 504) / 47 = 10.2 -> 11 origins, the earliest at
    // 1008 - 24 - 10 x 47 = 514 >= 504 points of history.
    const plan = calibrationOriginPlan(1008, 24, p, 168);
    expect(plan).toMatchObject({ origins: 11, minHistory: 504 });
    expect(1008 - 24 - 10 * 47).toBeGreaterThanOrEqual(504);
    expect(plan.note).toMatch(
      /^11 calibration origins \(of 24\): the earliest keeps half the history \(504 points\)/,
    );
  });

  it('keeps the minimum history of the baseline when it needs more than half', () => {
    // 600 points, horizon 24, the baseline needs 400 (> 300): (600 - 24 - 400) / 47 = 3.7 -> 4.
    const plan = calibrationOriginPlan(600, 24, p, 400);
    expect(plan).toMatchObject({ origins: 4, minHistory: 400 });
    expect(plan.note).toMatch(
      /^4 calibration origins \(of 24\): the earliest keeps the 400 points the baseline needs/,
    );
  });

  it('keeps the latest origin alone when not even it has what the baseline needs', () => {
    // 600 points, horizon 24: the latest origin has 576 points, the baseline wants 590.
    expect(calibrationOriginPlan(600, 24, p, 590)).toMatchObject({ origins: 1, minHistory: 300 });
  });

  it('leaves a long history all its origins, with no note', () => {
    expect(calibrationOriginPlan(17_520, 168, p, 336)).toEqual({ origins: 24, minHistory: 8760 });
    expect(calibrationOriginPlan(17_520, 168, p)).toEqual({ origins: 24, minHistory: 8760 });
  });
});
