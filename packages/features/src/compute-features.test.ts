import { CdfError, HOUR_MS, MINUTE_MS } from '@cdf/core';
import { makeSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { computeFeatures } from './compute-features.ts';
import { featureColumn, featureRow } from './feature-matrix.ts';
import { FEATURE_SPEC } from './feature-spec.ts';

const ramp = (n: number) => Array.from({ length: n }, (_, i) => i + 1); // 1, 2, 3, ...

describe('computeFeatures', () => {
  it('names the seed feature set in a stable order', () => {
    const m = computeFeatures(makeSeries(ramp(200)));
    expect(m.names).toEqual([
      'value',
      'lag_1h',
      'lag_6h',
      'lag_12h',
      'lag_24h',
      'lag_48h',
      'lag_168h',
      ...['6h', '24h', '168h'].flatMap((w) => ['mean', 'std', 'max', 'p95'].map((s) => `roll_${s}_${w}`)),
      'growth_1h',
      'growth_24h',
      'growth_168h',
      'hour_sin',
      'hour_cos',
      'dow_sin',
      'dow_cos',
      'month_sin',
      'month_cos',
      'is_weekend',
      'is_business_hours',
      'is_holiday',
      'is_end_of_quarter',
    ]);
    expect(m.rows).toBe(200);
    expect(Array.from(m.origins.subarray(0, 3))).toEqual([0, 1, 2]);
    expect(m.notes).toEqual([]);
  });

  it('matches hand-computed lags, rolling statistics and growth on a ramp with a filled point', () => {
    // Hourly values 1..200; point 195 (value 196) was filled by the loader.
    const s = makeSeries(ramp(200), { filled: [195] });
    const m = computeFeatures(s);
    const at = (name: string, i: number) => featureColumn(m, name)[i]!;
    expect(at('value', 199)).toBe(200);
    expect(at('value', 195)).toBeNaN();
    expect(at('lag_1h', 199)).toBe(199);
    expect(at('lag_24h', 199)).toBe(176);
    expect(at('lag_168h', 199)).toBe(32);
    expect(at('lag_168h', 167)).toBeNaN(); // before the series starts
    expect(at('lag_1h', 196)).toBeNaN(); // the filled point is not a lag
    // 6 h window at 199: values 195..200 minus the filled 196 -> {195,197,198,199,200}
    expect(at('roll_mean_6h', 199)).toBeCloseTo((195 + 197 + 198 + 199 + 200) / 5, 12);
    expect(at('roll_max_6h', 199)).toBe(200);
    // std of {195,197,198,199,200}: mean 197.8, squares 7.84+0.64+0.04+1.44+4.84 = 14.8, /4
    expect(at('roll_std_6h', 199)).toBeCloseTo(Math.sqrt(14.8 / 4), 12);
    // P95 of the 5 sorted values: position 3.8 -> 199 + 0.8 * 1
    expect(at('roll_p95_6h', 199)).toBeCloseTo(199.8, 12);
    // 24 h window at 30: values 8..31, mean 19.5, max 31
    expect(at('roll_mean_24h', 30)).toBeCloseTo(19.5, 12);
    expect(at('roll_max_24h', 30)).toBe(31);
    // 168 h window needs half observed (84 points): index 82 has 83 points -> NaN, 83 has 84
    expect(at('roll_mean_168h', 82)).toBeNaN();
    expect(at('roll_mean_168h', 83)).toBeCloseTo(42.5, 12);
    expect(at('growth_1h', 199)).toBeCloseTo(200 / 199 - 1, 15);
    expect(at('growth_24h', 199)).toBeCloseTo(200 / 176 - 1, 15);
    expect(at('growth_1h', 196)).toBeNaN();
  });

  it('converts durations to steps at a 5-minute step (1 h = 12 steps) and keeps the names', () => {
    const values = ramp(24 * 12 * 8); // eight days of 5-minute points
    const m = computeFeatures(makeSeries(values, { stepMs: 5 * MINUTE_MS }));
    const last = values.length - 1;
    expect(featureColumn(m, 'lag_1h')[last]).toBe(values[last - 12]);
    expect(featureColumn(m, 'lag_168h')[last]).toBe(values[last - 2016]);
    // 6 h = 72 points, the mean of a ramp window is its midpoint
    expect(featureColumn(m, 'roll_mean_6h')[last]).toBeCloseTo(values[last]! - 35.5, 9);
    expect(featureColumn(m, 'roll_max_24h')[last]).toBe(values[last]);
    expect(featureColumn(m, 'growth_1h')[last]).toBeCloseTo(values[last]! / values[last - 12]! - 1, 15);
  });

  it('drops a lag or window shorter than one step, with a note', () => {
    const m = computeFeatures(makeSeries(ramp(100), { stepMs: 2 * HOUR_MS }), {
      spec: { lags: [HOUR_MS, 4 * HOUR_MS], windows: [HOUR_MS, 6 * HOUR_MS], growth: [3 * HOUR_MS] },
    });
    expect(m.names).not.toContain('lag_1h');
    expect(m.names).not.toContain('roll_mean_1h');
    expect(featureColumn(m, 'lag_4h')[10]).toBe(9); // two steps back
    // 3 h at a 2 h step rounds to 2 steps (4 h), noted
    expect(featureColumn(m, 'growth_3h')[10]).toBeCloseTo(11 / 9 - 1, 15);
    expect(m.notes).toEqual([
      'lag_1h: 1h is shorter than one step (2h); dropped',
      'rolling window 1h: 1h is shorter than one step (2h); dropped',
      'growth_3h: 3h is not a whole number of 2h steps; rounded to 2',
    ]);
  });

  it('adds spike history from an anomaly mask (episodes, hours since, capped) and none without one', () => {
    const n = 24 * 45;
    const mask = new Uint8Array(n);
    mask.fill(1, 100, 106); // one 6-hour episode starting at 100
    mask[200] = 1; // a second episode
    const s = makeSeries(ramp(n));
    expect(computeFeatures(s).names).not.toContain('hours_since_anomaly');
    const m = computeFeatures(s, { anomalies: mask });
    const at = (name: string, i: number) => featureColumn(m, name)[i]!;
    expect(at('hours_since_anomaly', 50)).toBe(720); // none yet: the 30-day cap
    expect(at('hours_since_anomaly', 103)).toBe(0);
    expect(at('hours_since_anomaly', 110)).toBe(5); // last anomalous point was 105
    expect(at('anomalies_7d', 105)).toBe(1); // a 6-point episode counts once
    expect(at('anomalies_7d', 200)).toBe(2);
    expect(at('anomalies_7d', 100 + 167)).toBe(2);
    expect(at('anomalies_7d', 100 + 168)).toBe(1); // the first started 7 days ago: out
    expect(at('anomalies_7d', 200 + 168)).toBe(0);
    expect(at('anomalies_30d', 200 + 500)).toBe(2);
    expect(at('anomalies_30d', 100 + 720)).toBe(1);
    expect(at('hours_since_anomaly', 200 + 719)).toBe(719);
    expect(at('hours_since_anomaly', 200 + 800)).toBe(720);
  });

  it('adds capacity pressure: utilization and queue/latency against their 24 h norms', () => {
    const n = 48;
    const s = makeSeries(new Array(n).fill(50));
    const queue = new Float64Array(n).fill(10);
    queue[47] = 40; // 24 h window at 47: 23 x 10 + 40 = 270 -> mean 11.25
    const latency = new Float64Array(n).fill(200);
    s.columns.queue_depth = queue;
    s.columns.p95_latency_ms = latency;
    const capacity = new Float64Array(n).fill(100);
    capacity[47] = 0; // no capacity: utilization undefined
    const m = computeFeatures(s, { capacity });
    expect(featureColumn(m, 'utilization')[46]).toBe(0.5);
    expect(featureColumn(m, 'utilization')[47]).toBeNaN();
    expect(featureColumn(m, 'queue_depth_vs_mean_24h')[47]).toBeCloseTo(40 / 11.25, 12);
    expect(featureColumn(m, 'queue_depth_vs_mean_24h')[46]).toBe(1);
    expect(featureColumn(m, 'p95_latency_ms_vs_mean_24h')[47]).toBe(1);
    expect(computeFeatures(s, { capacity: 200 }).columns[0]).toBeDefined();
    expect(featureColumn(computeFeatures(s, { capacity: 200 }), 'utilization')[0]).toBe(0.25);
  });

  it('rejects inputs that do not fit the series with a CdfError', () => {
    const s = makeSeries(ramp(10));
    expect(() => computeFeatures(s, { anomalies: new Uint8Array(9) })).toThrow(
      /anomalies has 9 entries for 10/,
    );
    expect(() => computeFeatures(s, { capacity: -1 })).toThrow(CdfError);
    expect(() => computeFeatures({ ...s, timeZone: 'Mars/Olympus' })).toThrow(
      /unknown time zone "Mars\/Olympus"/,
    );
    expect(() => computeFeatures(s, { spec: { lags: [0] } })).toThrow(/durations must be positive/);
    try {
      computeFeatures({ ...s, values: new Float64Array(3) });
      expect.unreachable();
    } catch (error) {
      expect(CdfError.isInstance(error) && error.code).toBe('SCHEMA_MISMATCH');
    }
  });

  it('gives a readable row and keeps FEATURE_SPEC frozen', () => {
    const row = featureRow(computeFeatures(makeSeries(ramp(30))), 29);
    expect(row.value).toBe(30);
    expect(row.lag_24h).toBe(6);
    expect(Object.isFrozen(FEATURE_SPEC)).toBe(true);
    expect(Object.isFrozen(FEATURE_SPEC.lags)).toBe(true);
  });
});
