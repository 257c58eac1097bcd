import {
  CdfError,
  HOUR_MS,
  MINUTE_MS,
  type PlannedEvent,
  plannedEventsMultiplier,
  type Series,
} from '@cdf/core';
import { makeContractSeries, makeSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { calendarFeatures } from './calendar-features.ts';
import { computeFeatures } from './compute-features.ts';
import { FUTURE_FEATURE_NAMES } from './design-rows.ts';
import { buildDirectMatrix } from './direct-matrix.ts';
import { featureColumn, selectFeatures, withoutFeatures } from './feature-matrix.ts';
import { resolveHorizons, resolveOrigins } from './horizons.ts';
import { plannedEventFeatures } from './planned-event-features.ts';
import { buildPredictionRows } from './prediction-rows.ts';

const ramp = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The first `n` points of a series, as a series. */
function head(s: Series, n: number): Series {
  const values = s.values.slice(0, n);
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(s.columns))
    columns[name] = name === s.target ? values : column.slice(0, n);
  return { ...s, timestamps: s.timestamps.slice(0, n), values, filled: s.filled.slice(0, n), columns };
}

describe('buildDirectMatrix', () => {
  it('has one row per (origin, horizon) inside the series, origin-major, with the target at t + h', () => {
    const s = makeSeries(ramp(10), { filled: [4, 9] });
    const d = buildDirectMatrix(s, { horizons: [3, 1] });
    // origins 0..8; h = 1 for all 9, h = 3 for t <= 6 (7 rows)
    expect(d.matrix.rows).toBe(16);
    expect(Array.from(d.matrix.origins.subarray(0, 5))).toEqual([0, 0, 1, 1, 2]);
    expect(Array.from(d.horizon.subarray(0, 5))).toEqual([1, 3, 1, 3, 1]);
    expect(Array.from(d.matrix.origins.subarray(12))).toEqual([6, 6, 7, 8]);
    expect(Array.from(d.target.subarray(0, 2))).toEqual([2, 4]);
    expect(Array.from(d.targetRatio.subarray(0, 2))).toEqual([2, 4]);
    expect(d.targetTime[1]).toBe(s.timestamps[3]);
    // t = 1, h = 3 targets the filled point 4: kept but not usable
    expect(d.target[3]).toBe(5);
    expect(d.usable[3]).toBe(0);
    expect(d.usable[2]).toBe(1);
    expect(d.usable[15]).toBe(0); // t = 8, h = 1 targets the filled last point
    // origin 4 is filled: no ratio
    const row = Array.from(d.matrix.origins).indexOf(4);
    expect(d.targetRatio[row]).toBeNaN();
    expect(d.matrix.names.slice(-FUTURE_FEATURE_NAMES.length)).toEqual(FUTURE_FEATURE_NAMES);
    expect(featureColumn(d.matrix, 'horizon_hours')[1]).toBe(3);
  });

  it('shares the per-origin features and reads the calendar and events of t + h', () => {
    const s = makeContractSeries(24 * 14);
    const launch: PlannedEvent = {
      name: 'launch',
      start: s.timestamps[200]!,
      expected_multiplier: 4,
      expected_duration_hours: 24,
    };
    const d = buildDirectMatrix(s, {
      horizons: { max: 48, stride: 12 },
      origins: { stride: 7 },
      plannedEvents: [launch],
    });
    const base = computeFeatures(s);
    for (let r = 0; r < d.matrix.rows; r += 13) {
      const t = d.matrix.origins[r]!;
      const at = t + d.horizon[r]!;
      for (const name of base.names)
        expect(featureColumn(d.matrix, name)[r]).toBe(featureColumn(base, name)[t]);
      expect(featureColumn(d.matrix, 'future_is_weekend')[r]).toBe(featureColumn(base, 'is_weekend')[at]);
      expect(featureColumn(d.matrix, 'future_event_multiplier')[r]).toBe(
        plannedEventsMultiplier([launch], s.timestamps[at]!),
      );
      expect(featureColumn(d.matrix, 'future_hours_until_event_start')[r]).toBe(
        at < 200 ? Math.min(720, 200 - at) : 720,
      );
    }
    expect(Array.from(new Set(d.horizon))).toEqual([1, 12, 24, 36, 48]);
  });

  it('refuses to materialise more than maxRows, saying how many', () => {
    const s = makeSeries(ramp(500));
    // every (t, h) with t + h <= 499: sum over h = 1..168 of (500 - h) = 84000 - 14196
    expect(() => buildDirectMatrix(s, { horizons: { max: 168 }, maxRows: 10_000 })).toThrow(
      /would have 69804 rows, over maxRows 10000/,
    );
    expect(
      buildDirectMatrix(s, { horizons: { max: 168, stride: 24 }, origins: { stride: 5 } }).matrix.rows,
    ).toBeLessThan(10_000);
  });

  it('works at a 5-minute step: horizon_hours is h in hours', () => {
    const s = makeSeries(ramp(24 * 12 * 9), { stepMs: 5 * MINUTE_MS });
    const d = buildDirectMatrix(s, { horizons: [12, 288], origins: { stride: 37 } });
    const hours = featureColumn(d.matrix, 'horizon_hours');
    expect(Array.from(new Set(hours))).toEqual([1, 24]);
    const last = d.matrix.rows - 1;
    expect(d.target[last]).toBe(d.matrix.origins[last]! + d.horizon[last]! + 1);
    expect(featureColumn(d.matrix, 'lag_1h')[last]).toBe(d.matrix.origins[last]! + 1 - 12);
  });
});

describe('buildPredictionRows', () => {
  it('gives the rows of the last point, identical to the training rows of that origin', () => {
    const full = makeContractSeries(24 * 21);
    const events: PlannedEvent[] = [
      {
        name: 'launch',
        start: full.timestamps[24 * 19]!,
        expected_multiplier: 3,
        expected_duration_hours: 30,
      },
    ];
    const anomalies = new Uint8Array(full.values.length);
    anomalies[100] = 1;
    const horizons = [1, 6, 24];
    const train = buildDirectMatrix(full, { horizons, plannedEvents: events, anomalies, capacity: 300 });
    const cut = 24 * 18; // predict from point cut - 1 with only the history up to it
    const rows = buildPredictionRows(head(full, cut), {
      horizons,
      plannedEvents: events,
      anomalies: anomalies.slice(0, cut),
      capacity: 300,
    });
    expect(rows.names).toEqual(train.matrix.names);
    expect(Array.from(rows.origins)).toEqual([cut - 1, cut - 1, cut - 1]);
    expect(Array.from(rows.targetTime)).toEqual(horizons.map((h) => full.timestamps[cut - 1 + h]!));
    for (let k = 0; k < horizons.length; k++) {
      const r = Array.from(train.matrix.origins).findIndex(
        (t, i) => t === cut - 1 && train.horizon[i] === horizons[k],
      );
      for (let j = 0; j < rows.names.length; j++) {
        expect(Object.is(rows.columns[j]![k], train.matrix.columns[j]![r]), rows.names[j]).toBe(true);
      }
    }
  });

  it('computes the calendar and event features of future times', () => {
    const s = { ...makeSeries(ramp(48)), timeZone: 'America/New_York' };
    const last = s.timestamps[47]!;
    const event: PlannedEvent = {
      name: 'x',
      start: last + 10 * HOUR_MS,
      expected_multiplier: 2,
      expected_duration_hours: 5,
    };
    const rows = buildPredictionRows(s, { horizons: { max: 12, stride: 4 }, plannedEvents: [event] });
    expect(Array.from(rows.horizon)).toEqual([1, 4, 8, 12]);
    const times = Float64Array.from([1, 4, 8, 12].map((h) => last + h * HOUR_MS));
    expect(Array.from(featureColumn(rows, 'future_is_business_hours'))).toEqual(
      Array.from(featureColumn(calendarFeatures(times, 'America/New_York'), 'is_business_hours')),
    );
    expect(Array.from(featureColumn(rows, 'future_hours_until_event_start'))).toEqual([9, 6, 2, 720]);
    expect(Array.from(featureColumn(rows, 'future_hours_since_event_start'))).toEqual([720, 720, 720, 2]);
    expect(featureColumn(rows, 'future_event_multiplier')[3]).toBe(
      plannedEventsMultiplier([event], last + 12 * HOUR_MS),
    );
    expect(() => buildPredictionRows(makeSeries([]), { horizons: [1] })).toThrow(CdfError);
  });
});

describe('horizons, origins and planned-event distances', () => {
  it('resolve grids and strides as documented', () => {
    expect(Array.from(resolveHorizons({ max: 10, stride: 4 }))).toEqual([1, 4, 8, 10]);
    expect(Array.from(resolveHorizons({ max: 168, stride: 24 }))).toEqual([1, 24, 48, 72, 96, 120, 144, 168]);
    expect(Array.from(resolveHorizons([5, 1, 5]))).toEqual([1, 5]);
    expect(() => resolveHorizons([0])).toThrow(/positive whole number/);
    expect(() => resolveHorizons([])).toThrow(/no horizons/);
    expect(Array.from(resolveOrigins(20, { stride: 5 }, 1))).toEqual([3, 8, 13, 18]);
    expect(Array.from(resolveOrigins(3, 'all', 5))).toEqual([]);
  });

  it('measure hours since and until the nearest event start, capped', () => {
    const start = Date.UTC(2024, 5, 1);
    const events: PlannedEvent[] = [
      { name: 'b', start: start + 48 * HOUR_MS, expected_multiplier: 2, expected_duration_hours: 4 },
      {
        name: 'a',
        start,
        expected_multiplier: 3,
        expected_duration_hours: 10,
        ramp_hours: 0,
        decay_hours: 0,
      },
    ];
    const times = Float64Array.from([-1, 0, 5, 47.5, 48, 2000].map((h) => start + h * HOUR_MS));
    const [multiplier, since, until] = plannedEventFeatures(times, events, 720);
    expect(Array.from(multiplier!)).toEqual([1, 3, 3, 1, plannedEventsMultiplier(events, times[4]!), 1]);
    expect(Array.from(since!)).toEqual([720, 0, 5, 47.5, 0, 720]);
    expect(Array.from(until!)).toEqual([1, 48, 43, 0.5, 720, 720]);
    const broken = { ...events[0]!, start: Number.NaN };
    expect(() => plannedEventFeatures(times, [broken], 720)).toThrow(
      /planned event "b" has a non-finite field/,
    );
  });
});

describe('selectFeatures', () => {
  it('picks columns by name and rejects unknown names', () => {
    const m = computeFeatures(makeSeries(ramp(30)));
    const picked = selectFeatures(m, ['lag_24h', 'value']);
    expect(picked.names).toEqual(['lag_24h', 'value']);
    expect(picked.columns[0]).toBe(featureColumn(m, 'lag_24h'));
    expect(() => selectFeatures(m, ['nope'])).toThrow(/feature "nope" is not in the matrix/);
  });
});

describe('withoutFeatures', () => {
  it('drops columns by name, keeps the others in order, and ignores names it does not have', () => {
    const m = computeFeatures(makeSeries(ramp(30)));
    const rest = withoutFeatures(m, ['lag_24h', 'nope']);
    expect(rest.names).toEqual(m.names.filter((name) => name !== 'lag_24h'));
    expect(rest.columns[0]).toBe(m.columns[0]);
    expect(rest.rows).toBe(m.rows);
    expect(withoutFeatures(m, ['nope'])).toBe(m);
  });
});
