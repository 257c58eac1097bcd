import { DAY_MS, HOUR_MS } from '@cdf/core';

/** A rolling statistic over a trailing window. */
export type RollingStat = 'mean' | 'std' | 'max' | 'p95';

/**
 * The feature set as durations: every lag and window is a duration, converted to steps of the
 * series at hand, so one spec serves hourly and 5-minute data alike.
 */
export interface FeatureSpec {
  /** Lags (ms): `lag_<d>` is the observed value `d` before the origin. */
  lags: readonly number[];
  /** Trailing windows (ms) for the rolling statistics; each window includes the origin itself. */
  windows: readonly number[];
  /** Statistics computed over every window. */
  rollingStats: readonly RollingStat[];
  /** Growth periods (ms): `growth_<d>` is `value / lag_<d> - 1`. */
  growth: readonly number[];
  /** Windows (ms) for counting anomaly episodes (`anomalies_<d>`). */
  anomalyWindows: readonly number[];
  /** Cap (ms) on `hours_since_anomaly` and the planned-event distances, reported when nothing is that close. */
  distanceCap: number;
  /** Trailing window (ms) of the norms that queue depth and latency are compared against. */
  pressureNormWindow: number;
  /** Business hours, local: `start <= hour < end` on Monday..Friday. */
  businessHours: { readonly start: number; readonly end: number };
  /** `is_end_of_quarter` is 1 on the last this-many local days of March, June, September and December. */
  endOfQuarterDays: number;
  /** A rolling statistic needs at least this fraction of its window observed (not filled), else NaN. */
  minObservedFraction: number;
}

/**
 * The seed's feature set: lags 1, 6, 12, 24, 48, 168 h; mean, std, max and P95 over 6, 24 and
 * 168 h; growth over 1, 24 and 168 h; anomaly counts over 7 and 30 days; distances capped at
 * 30 days; pressure norms over 24 h; business hours 9-17 local; the last 7 days of a quarter.
 */
export const FEATURE_SPEC: Readonly<FeatureSpec> = Object.freeze({
  lags: Object.freeze([1, 6, 12, 24, 48, 168].map((h) => h * HOUR_MS)),
  windows: Object.freeze([6, 24, 168].map((h) => h * HOUR_MS)),
  rollingStats: Object.freeze(['mean', 'std', 'max', 'p95'] as const),
  growth: Object.freeze([1, 24, 168].map((h) => h * HOUR_MS)),
  anomalyWindows: Object.freeze([7 * DAY_MS, 30 * DAY_MS]),
  distanceCap: 30 * DAY_MS,
  pressureNormWindow: 24 * HOUR_MS,
  businessHours: Object.freeze({ start: 9, end: 17 }),
  endOfQuarterDays: 7,
  minObservedFraction: 0.5,
});

/** A duration as it appears in feature names: `1h`, `168h`, `30min`, `45s`. */
export function hoursLabel(ms: number): string {
  if (ms % HOUR_MS === 0) return `${ms / HOUR_MS}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}min`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** A duration in days when it is a whole number of days (`7d`), else as {@link hoursLabel}. */
export function daysLabel(ms: number): string {
  return ms % DAY_MS === 0 ? `${ms / DAY_MS}d` : hoursLabel(ms);
}
