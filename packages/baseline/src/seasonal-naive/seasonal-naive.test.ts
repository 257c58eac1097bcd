import { CdfError, type PlannedEvent } from '@cdf/core';
import { baselineContract, makeContractSeries, makeSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { createSeasonalNaiveBaseline, seasonalNaiveBaseline } from './seasonal-naive.ts';

describe('seasonal naive: contract', () => {
  for (const c of baselineContract(seasonalNaiveBaseline, {
    tooShort: 23,
    invalidParams: { season: 'month' },
  })) {
    it(c.name, c.run);
  }
  for (const c of baselineContract(seasonalNaiveBaseline, {
    params: { season: 'week' },
    tooShort: 167,
    invalidParams: { lag: 3 },
  })) {
    it(`weekly: ${c.name}`, c.run);
  }
});

describe('seasonal naive', () => {
  // three days of hourly values 0..71: the forecast repeats the last day, hour by hour
  const ramp = makeSeries(Array.from({ length: 72 }, (_, i) => i));

  it('repeats the last day at hourly steps', async () => {
    const fitted = await createSeasonalNaiveBaseline().fit({ series: ramp });
    const f = fitted.predict({ horizon: 30 });
    expect(Array.from(f.point.subarray(0, 3))).toEqual([48, 49, 50]);
    expect(f.point[24]).toBe(48); // the day repeats again
  });

  it('repeats the last week with season "week"', async () => {
    const series = makeContractSeries(24 * 14);
    const fitted = await createSeasonalNaiveBaseline({ season: 'week' }).fit({ series });
    const f = fitted.predict({ horizon: 168 });
    expect(Array.from(f.point)).toEqual(Array.from(series.values.subarray(24 * 7)));
  });

  it('skips filled and masked points, using the last observed value of the same phase', async () => {
    const series = makeSeries(
      Array.from({ length: 72 }, (_, i) => i),
      { filled: [48] },
    );
    const mask = new Uint8Array(72);
    mask[49] = 1;
    const fitted = await createSeasonalNaiveBaseline().fit({ series, mask });
    const f = fitted.predict({ horizon: 3 });
    expect(Array.from(f.point)).toEqual([24, 25, 50]);
  });

  it('applies a future planned event as a multiplier and leaves other hours alone', async () => {
    const start = ramp.timestamps[71]! + 3_600_000 * 5; // 5 hours after the end
    const launch: PlannedEvent = {
      start,
      name: 'launch',
      expected_multiplier: 5,
      expected_duration_hours: 10,
      ramp_hours: 0,
      decay_hours: 0,
    };
    const fitted = await createSeasonalNaiveBaseline().fit({ series: ramp });
    const plain = fitted.predict({ horizon: 24 }).point;
    const withLaunch = fitted.predict({ horizon: 24, events: [launch] }).point;
    for (let h = 0; h < 24; h++) {
      const inWindow = h >= 4 && h < 14;
      expect(withLaunch[h]).toBeCloseTo(plain[h]! * (inWindow ? 5 : 1), 9);
    }
  });

  it('divides a past event out of the season it repeats', async () => {
    const flat = makeSeries(new Array(48).fill(10).map((v, i) => (i >= 30 && i < 34 ? v * 3 : v)));
    const past: PlannedEvent = {
      start: flat.timestamps[30]!,
      name: 'past launch',
      expected_multiplier: 3,
      expected_duration_hours: 4,
      ramp_hours: 0,
      decay_hours: 0,
    };
    const fitted = await createSeasonalNaiveBaseline().fit({ series: flat, plannedEvents: [past] });
    expect(Array.from(fitted.predict({ horizon: 24 }).point)).toEqual(new Array(24).fill(10));
  });

  it('gives intervals that widen by sqrt(seasons ahead) and contain the point', async () => {
    const series = makeContractSeries(24 * 14);
    const fitted = await createSeasonalNaiveBaseline().fit({ series });
    const f = fitted.predict({ horizon: 96, level: 0.8 });
    expect(f.level).toBe(0.8);
    const width = (h: number) => f.upper![h]! - f.lower![h]!;
    for (let h = 0; h < 96; h++) expect(f.lower![h]!).toBeLessThanOrEqual(f.point[h]!);
    expect(width(24 * 3 + 5) / width(5)).toBeCloseTo(2, 1); // 4th day vs 1st day: sqrt(4)
  });

  it('update appends new observations and repeats the new last day', async () => {
    const all = makeSeries(Array.from({ length: 96 }, (_, i) => i));
    const first = makeSeries(all.values.subarray(0, 72));
    const next = makeSeries(all.values.subarray(72), { start: all.timestamps[72]! });
    const fitted = await createSeasonalNaiveBaseline().fit({ series: first });
    const updated = await fitted.update({ series: next });
    const direct = await createSeasonalNaiveBaseline().fit({ series: all });
    expect(updated.lastTimestamp).toBe(all.timestamps[95]);
    expect(Array.from(updated.predict({ horizon: 24 }).point)).toEqual(
      Array.from(direct.predict({ horizon: 24 }).point),
    );
    await expect(fitted.update({ series: first })).rejects.toSatisfy(
      (e: unknown) => CdfError.isInstance(e) && e.code === 'INVALID_VALUE',
    );
  });

  it('names the minimum history in its error', async () => {
    await expect(createSeasonalNaiveBaseline({ season: 'week' }).fit({ series: ramp })).rejects.toThrow(
      /needs at least 168 points at 1h of history, got 72/,
    );
  });
});
