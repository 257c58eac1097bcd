import { type SpikeEvent, WEEK_MS } from '@cdf/core';

/** Mean demand around one launch: the week before it, while it lasts, and the week after. */
export interface LaunchImpact {
  name: string;
  start: number;
  end: number;
  /** Mean over [start - 7 d, start); null when no history step falls there. */
  before: number | null;
  /** Mean over [start, end] (the event's steps, inclusive). */
  during: number | null;
  /** Mean over (end, end + 7 d]. */
  after: number | null;
}

/**
 * Before / during / after mean demand of every `feature_launch` event, in time order.
 * `timestamps` must increase; windows are cut by binary search, so a 2-year history is cheap.
 */
export function launchImpacts(
  events: readonly SpikeEvent[],
  timestamps: readonly number[],
  values: readonly number[],
): LaunchImpact[] {
  // Prefix sums make every window mean O(log n).
  const prefix = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) prefix[i + 1] = prefix[i]! + values[i]!;
  const firstAtOrAfter = (t: number) => {
    let lo = 0;
    let hi = timestamps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (timestamps[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Mean over steps with from <= t < to.
  const mean = (from: number, to: number) => {
    const a = firstAtOrAfter(from);
    const b = firstAtOrAfter(to);
    return b > a ? (prefix[b]! - prefix[a]!) / (b - a) : null;
  };
  return events
    .filter((e) => e.type === 'feature_launch')
    .sort((a, b) => a.start - b.start)
    .map((e, k) => ({
      name: e.name ?? `launch ${k + 1}`,
      start: e.start,
      end: e.end,
      before: mean(e.start - WEEK_MS, e.start),
      during: mean(e.start, e.end + 1),
      after: mean(e.end + 1, e.end + 1 + WEEK_MS),
    }));
}
