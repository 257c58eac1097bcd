import { mstlBaseline, seasonalNaiveBaseline } from '@cdf/baseline';
import { HOUR_MS } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { baselineMinHistory, CONFORMAL_QUANTILE_USE, calibrationParams } from './calibration-origins.ts';

describe('calibration origins', () => {
  it('keeps the minimum history of the baseline before the earliest origin', () => {
    // 1,008 points, horizon 24, 168 needed: (1008 - 24 - 168) / 47 = 17.4 -> 18 origins, the
    // earliest at 1008 - 24 - 17 x 47 = 185 >= 168 points of history.
    const { params, note } = calibrationParams(CONFORMAL_QUANTILE_USE, {}, 1008, 24, 168);
    expect(params.origins).toBe(18);
    expect(1008 - 24 - 17 * 47).toBeGreaterThanOrEqual(168);
    expect(note).toMatch(/^18 calibration origins \(of 24\)/);
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
