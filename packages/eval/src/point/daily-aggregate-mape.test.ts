import { describe, expect, it } from 'vitest';
import { dailyAggregateMape } from './daily-aggregate-mape.ts';
import { pointMetrics } from './point-metric-registry.ts';

// 48 hours from 2024-01-01T00:00Z; actual 1 per hour; forecast 1.5 on Jan 1 (UTC) and 1 on Jan 2.
const start = Date.UTC(2024, 0, 1);
const timestamps = Array.from({ length: 48 }, (_, h) => start + h * 3_600_000);
const actual = timestamps.map(() => 1);
const forecast = timestamps.map((_, h) => (h < 24 ? 1.5 : 1));

describe('dailyAggregateMape', () => {
  // UTC days: 36 vs 24 -> 50%, 24 vs 24 -> 0% -> 25%.
  it('sums hours into UTC days before MAPE', () => {
    expect(dailyAggregateMape({ timestamps, actual, forecast })).toBeCloseTo(25, 12);
    expect(dailyAggregateMape({ timestamps, actual, forecast, aggregation: 'mean' })).toBeCloseTo(25, 12);
  });

  // New York is UTC-5 in January. Dec 31 local = UTC hours 0-4: 7.5 vs 5 -> 50%.
  // Jan 1 local = UTC hours 5-28: 19*1.5 + 5*1 = 33.5 vs 24 -> 39.583%. Jan 2 local = 19 h: 0%.
  it('uses the calendar days of a time zone', () => {
    const value = dailyAggregateMape({ timestamps, actual, forecast, timeZone: 'America/New_York' });
    expect(value).toBeCloseTo((50 + (9.5 / 24) * 100 + 0) / 3, 10);
  });

  it('rejects an unknown time zone', () => {
    expect(() => dailyAggregateMape({ timestamps, actual, forecast, timeZone: 'Mars/Olympus' })).toThrow(
      /time zone/,
    );
  });
});

describe('pointMetrics registry', () => {
  it('scores a fold by name with the same numbers as the functions', () => {
    const input = { actual, forecast, timestamps, insample: [1, 3, 2, 6, 3, 5], seasonalPeriod: 2 };
    expect(pointMetrics.dailyAggregateMape(input)).toBeCloseTo(25, 12);
    expect(pointMetrics.mae(input)).toBeCloseTo(0.25, 12);
    // MAE 0.25 over the scale 1.5 of the training series
    expect(pointMetrics.mase(input)).toBeCloseTo(0.25 / 1.5, 12);
  });

  it('says which input a metric is missing', () => {
    expect(() => pointMetrics.mase({ actual, forecast })).toThrow(/insample/);
  });
});
