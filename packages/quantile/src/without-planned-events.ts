import { type PlannedEvent, plannedEventsMultiplier, type Series } from '@cdf/core';

/**
 * The series with the planned events' profile divided out of its target: normal demand, as the
 * baseline, the level regressor and the residual table see it (assembly multiplies the profile
 * back in, so a launch is counted once). The same series object when no event touches it.
 */
export function withoutPlannedEvents(series: Series, events: readonly PlannedEvent[] = []): Series {
  if (events.length === 0) return series;
  const values = Float64Array.from(series.values);
  let touched = false;
  for (let i = 0; i < values.length; i++) {
    const m = plannedEventsMultiplier(events, series.timestamps[i]!);
    if (m !== 1) {
      values[i] = values[i]! / m;
      touched = true;
    }
  }
  if (!touched) return series;
  return { ...series, values, columns: { ...series.columns, [series.target]: values } };
}
