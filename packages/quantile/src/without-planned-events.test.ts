import { type PlannedEvent, plannedEventsMultiplier, type Series } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { withoutPlannedEvents } from './without-planned-events.ts';

const values = new Float64Array(48).fill(100);
const series: Series = {
  id: 's',
  target: 'y',
  stepMs: 3_600_000,
  timestamps: Float64Array.from(values, (_, i) => Date.UTC(2024, 0, 1) + i * 3_600_000),
  values,
  filled: new Uint8Array(48),
  columns: { y: values },
  timeZone: 'UTC',
};
const launch: PlannedEvent = {
  start: Date.UTC(2024, 0, 1, 10),
  name: 'launch',
  expected_multiplier: 4,
  expected_duration_hours: 10,
};

describe('withoutPlannedEvents', () => {
  it('divides the profile out of the target and leaves the input alone', () => {
    const launched = Float64Array.from(
      values,
      (v, i) => v * plannedEventsMultiplier([launch], series.timestamps[i]!),
    );
    const input = { ...series, values: launched, columns: { y: launched } };
    const normal = withoutPlannedEvents(input, [launch]);
    for (const v of normal.values) expect(v).toBeCloseTo(100, 9);
    expect(normal.columns.y).toBe(normal.values);
    expect(input.values[12]).toBeGreaterThan(100);
  });

  it('returns the same series when no event touches it', () => {
    expect(withoutPlannedEvents(series, [])).toBe(series);
    expect(withoutPlannedEvents(series, [{ ...launch, start: Date.UTC(2025, 0, 1) }])).toBe(series);
  });
});
