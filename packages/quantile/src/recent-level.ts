import type { Series } from '@cdf/core';

/** Points of the trailing window of {@link recentLevel}, in steps of one hour: a week. */
const WINDOW_HOURS = 168;

/**
 * The recent level of a history: the median of its observed (not filled), finite, non-negative
 * values over the last week of steps (all of it when shorter). 0 when nothing was observed.
 * The median, not the mean, so a burst or a logging gap in the window barely moves it.
 */
export function recentLevel(series: Series, end: number = series.values.length): number {
  const steps = Math.max(1, Math.round((WINDOW_HOURS * 3_600_000) / series.stepMs));
  const picked: number[] = [];
  for (let i = Math.max(0, end - steps); i < end; i++) {
    const v = series.values[i]!;
    if (series.filled[i] === 0 && Number.isFinite(v) && v >= 0) picked.push(v);
  }
  if (picked.length === 0) return 0;
  picked.sort((a, b) => a - b);
  const mid = picked.length >> 1;
  return picked.length % 2 === 1 ? picked[mid]! : 0.5 * (picked[mid - 1]! + picked[mid]!);
}

/**
 * The forecast floored at `share` of the recent level: a forecast that collapses towards zero
 * (a trend extrapolated below zero, a logging gap copied forward) would otherwise turn ordinary
 * demand into log residuals of several units, and the conformal table would apply those widths
 * everywhere. A floor of 0 leaves the forecast as it is.
 */
export function flooredForecast(point: Float64Array, level: number, share: number): Float64Array {
  const floor = Math.max(0, share * level);
  if (!(floor > 0)) return point;
  return Float64Array.from(point, (f) => (Number.isFinite(f) ? Math.max(f, floor) : f));
}
