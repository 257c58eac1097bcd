import { CdfError, HOUR_MS } from '@cdf/core';
import { baselineContract, makeSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { weeklyProfileBaseline } from './weekly-profile-baseline.ts';

describe('weekly-profile baseline: the core baseline contract', () => {
  for (const check of baselineContract(weeklyProfileBaseline, {
    params: { weeks: 4 },
    invalidParams: { weeks: 1 },
    tooShort: 200,
  })) {
    it(check.name, check.run);
  }
});

// A series built by formula for these tests: a fixed weekly shape (hour h of the week is
// 100 + h), plus 7 per week of trend.
function trending(weeks: number, perWeek = 7) {
  return makeSeries(
    Array.from({ length: weeks * 168 }, (_, i) => 100 + (i % 168) + perWeek * Math.floor(i / 168)),
  );
}

describe('weekly-profile baseline', () => {
  it('repeats the weekly shape at the newest level plus the damped trend', async () => {
    const fitted = await weeklyProfileBaseline
      .create({ weeks: 4, damping: 0.5 })
      .fit({ series: trending(6) });
    const forecast = fitted.predict({ horizon: 336 });
    // One week ahead: shape + the newest week's level (5 weeks of 7) + 7 x (0.5) of trend.
    expect(forecast.point[167]).toBeCloseTo(100 + 167 + 35 + 7 * 0.5, 9);
    // Two weeks ahead the damped trend adds 0.5 + 0.25 of a week's slope.
    expect(forecast.point[335]).toBeCloseTo(100 + 167 + 35 + 7 * 0.75, 9);
    expect(forecast.timestamps[0]).toBe(Date.UTC(2024, 0, 1) + 6 * 168 * HOUR_MS);
  });

  it('ignores masked points (spikes) and multiplies planned launches in', async () => {
    const series = trending(4, 0);
    const spiked = Float64Array.from(series.values);
    const mask = new Uint8Array(spiked.length);
    for (let i = 3 * 168 + 10; i < 3 * 168 + 20; i++) {
      spiked[i] = 50 * spiked[i]!;
      mask[i] = 1;
    }
    // The masked points' values cannot matter: the same mask over clean data gives the same model.
    const clean = await weeklyProfileBaseline.create().fit({ series, mask });
    const robust = await weeklyProfileBaseline
      .create()
      .fit({ series: { ...series, values: spiked, columns: { [series.target]: spiked } }, mask });
    expect(Array.from(robust.predict({ horizon: 168 }).point)).toEqual(
      Array.from(clean.predict({ horizon: 168 }).point),
    );
    const start = Date.UTC(2024, 0, 1) + 4 * 168 * HOUR_MS + 24 * HOUR_MS;
    const launch = {
      start,
      name: 'launch',
      expected_multiplier: 3,
      expected_duration_hours: 10,
      ramp_hours: 0,
      decay_hours: 0,
    };
    const withLaunch = clean.predict({ horizon: 48, events: [launch] }).point;
    const without = clean.predict({ horizon: 48 }).point;
    expect(withLaunch[24]! / without[24]!).toBeCloseTo(3, 12);
    expect(withLaunch[40]).toBe(without[40]);
  });

  it('refuses a step that does not divide a week', async () => {
    const series = makeSeries(
      Array.from({ length: 500 }, () => 1),
      { stepMs: 7 * 60 * 1000 * 11 },
    );
    await expect(weeklyProfileBaseline.create().fit({ series })).rejects.toSatisfy(
      (e: unknown) => CdfError.isInstance(e) && e.code === 'INVALID_CONFIG',
    );
  });
});
