import { CdfError, CdfErrorCode, HOUR_MS, type PlannedEvent, plannedEventsMultiplier } from '@cdf/core';

/** Names of the planned-event features, in column order. */
export const PLANNED_EVENT_FEATURE_NAMES: readonly string[] = Object.freeze([
  'event_multiplier',
  'hours_since_event_start',
  'hours_until_event_start',
]);

/**
 * Planned-event features of each instant in `times` (epoch ms): the combined multiplier of the
 * events (`plannedEventsMultiplier`, 1 outside every event), hours since the latest event start
 * at or before the instant and hours until the next start after it, both capped at `capHours`
 * (also the value when there is no such event). Events are announced in advance, so these are
 * known for any future instant; they use nothing but `events` and the clock. Throws a CdfError
 * (INVALID_VALUE) for an event whose start, multiplier or duration is not a finite number.
 */
export function plannedEventFeatures(
  times: Float64Array,
  events: readonly PlannedEvent[],
  capHours: number,
): Float64Array[] {
  events.forEach((event, k) => {
    const fields = [event.start, event.expected_multiplier, event.expected_duration_hours];
    if (!fields.every(Number.isFinite)) {
      throw new CdfError(CdfErrorCode.InvalidValue, `planned event "${event.name}" has a non-finite field`, {
        row: k + 1,
        value: JSON.stringify(event),
        expected: 'a parsed PlannedEvent (finite start in epoch ms, multiplier and duration)',
      });
    }
  });
  const n = times.length;
  const multiplier = new Float64Array(n);
  const since = new Float64Array(n);
  const until = new Float64Array(n);
  const starts = Float64Array.from(events.map((e) => e.start)).sort();
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    multiplier[i] = events.length === 0 ? 1 : plannedEventsMultiplier(events, t);
    const next = firstAfter(starts, t); // starts[next - 1] <= t < starts[next]
    since[i] = next > 0 ? Math.min(capHours, (t - starts[next - 1]!) / HOUR_MS) : capHours;
    until[i] = next < starts.length ? Math.min(capHours, (starts[next]! - t) / HOUR_MS) : capHours;
  }
  return [multiplier, since, until];
}

function firstAfter(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
