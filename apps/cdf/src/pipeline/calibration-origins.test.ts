import { mstlBaseline, seasonalNaiveBaseline } from '@cdf/baseline';
import { HOUR_MS } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { baselineMinHistory, CONFORMAL_QUANTILE_USE, calibrationParams } from './calibration-origins.ts';

describe('calibration origins', () => {
  it("keeps half the history (the stage's own rule) before the earliest origin", () => {
    // 1,008 points, horizon 24: the stage needs ceil(0.5 x 1008) = 504 points, more than the
    // baseline's 168: (1008 - 24 - 504) / 47 = 10.2 -> 11 origins, the earliest at
    // 1008 - 24 - 10 x 47 = 514 >= 504 points of history. 18 origins would have been placed for
    // the baseline's 168 alone, and the stage would have dropped 7 of them.
    const { params, note } = calibrationParams(CONFORMAL_QUANTILE_USE, {}, 1008, 24, 168);
    expect(params.origins).toBe(11);
    expect(1008 - 24 - 10 * 47).toBeGreaterThanOrEqual(504);
    expect(note).toMatch(
      /^11 calibration origins \(of 24\): the earliest keeps half the history \(504 points\)/,
    );
  });

  it('keeps the minimum history of the baseline when it needs more than half', () => {
    // 600 points, horizon 24, the baseline needs 400 (> 300): (600 - 24 - 400) / 47 = 3.7 -> 4.
    const { params, note } = calibrationParams(CONFORMAL_QUANTILE_USE, {}, 600, 24, 400);
    expect(params.origins).toBe(4);
    expect(note).toMatch(
      /^4 calibration origins \(of 24\): the earliest keeps the 400 points the baseline needs/,
    );
  });

  it('leaves long histories, explicit origins and other plug-ins alone', () => {
    expect(calibrationParams(CONFORMAL_QUANTILE_USE, {}, 17_520, 168, 336).params).toEqual({});
    expect(calibrationParams(CONFORMAL_QUANTILE_USE, { origins: 30 }, 500, 24, 168).params).toEqual({
      origins: 30,
    });
    expect(calibrationParams('@team/q#mine', {}, 500, 24, 168).params).toEqual({});
  });

  it('reads the baseline capabilities, else two weeks', () => {
    expect(baselineMinHistory(seasonalNaiveBaseline, { season: 'week' }, HOUR_MS)).toBe(168);
    expect(baselineMinHistory(mstlBaseline, {}, HOUR_MS)).toBe(48);
    const bare = {
      ...seasonalNaiveBaseline,
      create: (p?: unknown) => ({ ...seasonalNaiveBaseline.create(p), capabilities: undefined }),
    };
    expect(baselineMinHistory(bare, {}, HOUR_MS)).toBe(336);
  });
});
