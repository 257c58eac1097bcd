import { stepsPerDay } from './steps-per-day.ts';

/** An additive trend + daily + weekly decomposition, one value per history step in each part. */
export interface HistoryDecomposition {
  trend: number[];
  daily: number[];
  weekly: number[];
}

/** Centred moving average over `window` steps, the window cut at the ends (prefix sums: O(n)). */
function centredMean(x: readonly number[], window: number): number[] {
  const n = x.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + x[i]!;
  const half = Math.floor(window / 2);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - half);
    const hi = Math.min(n, i - half + window);
    out[i] = (prefix[hi]! - prefix[lo]!) / (hi - lo);
  }
  return out;
}

/** Mean of `x` per phase `phaseOf(i)` of a `period`-step cycle, centred to sum to zero. */
function seasonalMeans(x: readonly number[], period: number, phaseOf: (i: number) => number): number[] {
  const sums = new Float64Array(period);
  const counts = new Float64Array(period);
  for (let i = 0; i < x.length; i++) {
    const p = phaseOf(i);
    sums[p]! += x[i]!;
    counts[p]! += 1;
  }
  const means = Array.from(sums, (s, p) => (counts[p]! > 0 ? s / counts[p]! : 0));
  const centre = means.reduce((a, b) => a + b, 0) / period;
  return x.map((_, i) => means[phaseOf(i)]! - centre);
}

/**
 * Classical additive decomposition of a regular history for the dashboard: the trend is a
 * centred moving average over a week (a day when the history is shorter than two weeks), the
 * daily part the mean detrended value per UTC hour of the day, the weekly part the mean of
 * what is left per hour of the week. Anomalous steps are replaced by the detector's expected
 * value first, so a launch does not become part of the trend or the cycles. Fewer than two
 * days of history: everything is trend.
 */
export function decomposeHistory(history: {
  timestamps: readonly number[];
  values: readonly number[];
  expected: readonly number[];
  isAnomaly: readonly boolean[];
}): HistoryDecomposition {
  const n = history.timestamps.length;
  const x = history.values.map((v, i) => (history.isAnomaly[i] ? history.expected[i]! : v));
  const zeros = () => new Array<number>(n).fill(0);
  if (n < 2) return { trend: [...x], daily: zeros(), weekly: zeros() };
  const step = history.timestamps[1]! - history.timestamps[0]!;
  const day = stepsPerDay(step);
  const week = 7 * day;
  if (n < 2 * day) return { trend: [...x], daily: zeros(), weekly: zeros() };
  const trend = centredMean(x, n >= 2 * week ? week : day);
  const detrended = x.map((v, i) => v - trend[i]!);
  // phases from absolute time, so every series agrees on which step is 00:00 UTC
  const index = (i: number) => Math.round(history.timestamps[i]! / step);
  const daily = seasonalMeans(detrended, day, (i) => ((index(i) % day) + day) % day);
  if (n < 2 * week) return { trend, daily, weekly: zeros() };
  const rest = detrended.map((v, i) => v - daily[i]!);
  const weekly = seasonalMeans(rest, week, (i) => ((index(i) % week) + week) % week);
  return { trend, daily, weekly };
}
