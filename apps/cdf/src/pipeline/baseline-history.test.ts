import { plannedEventsMultiplier } from '@cdf/core';
import { makeSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { baselineHistory } from './baseline-history.ts';

const HOUR = 3_600_000;
// 10 days hourly at 100 from 2024-01-01, with launches placed around its end (written for this test)
const series = makeSeries(new Float64Array(240).fill(100));
const end = series.timestamps[239]! + HOUR;
const launch = (name: string, startHour: number, hours: number) => ({
  name,
  start: series.timestamps[0]! + startHour * HOUR,
  expected_multiplier: 5,
  expected_duration_hours: hours,
});

describe('baselineHistory', () => {
  it('gives the baseline the launches that are over, and divides a running one out itself', () => {
    const over = launch('over', 10, 48);
    const running = launch('running', 200, 100); // started 40 h before the end, 60 h to go
    const future = launch('future', 260, 24);
    const seen = baselineHistory(series, [over, running, future], end);
    expect(seen.plannedEvents.map((e) => e.name)).toEqual(['over']);
    for (const i of [100, 199, 200, 220, 239]) {
      const m = plannedEventsMultiplier([running], series.timestamps[i]!);
      expect(seen.series.values[i]).toBeCloseTo(100 / m, 9);
    }
    expect(seen.series.values[30]).toBe(100); // the finished launch is left to the baseline
    expect(plannedEventsMultiplier([running], series.timestamps[239]!)).toBeGreaterThan(1);
  });

  it('leaves the series alone when no launch runs at its end', () => {
    const seen = baselineHistory(series, [launch('future', 300, 24)], end);
    expect(seen.series).toBe(series);
    expect(seen.plannedEvents).toEqual([]);
  });
});
