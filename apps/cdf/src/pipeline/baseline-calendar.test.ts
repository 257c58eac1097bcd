import { ensembleBaseline, seasonalNaiveBaseline } from '@cdf/baseline';
import type { FittedBaseline, Series } from '@cdf/core';
import { generateSynthetic, syntheticSeries } from '@cdf/data';
import { describe, expect, it } from 'vitest';
import { calendarOf, originBaseline } from './baseline-calendar.ts';

// Four months of synthetic demand (seed 3, no spike event applied) up to a week after
// Thanksgiving 2024, which the generator puts at 60% of an ordinary Thursday
const series: Series = syntheticSeries(
  generateSynthetic({ start: '2024-08-01', end: '2024-12-05', seed: 3, applyEvents: false }),
  { id: 'synthetic' },
);
const prefix = (points: number): Series => ({
  ...series,
  timestamps: series.timestamps.subarray(0, points),
  values: series.values.subarray(0, points),
  filled: series.filled.subarray(0, points),
  columns: { [series.target]: series.values.subarray(0, points) },
});
const thanksgivingNoon = Float64Array.of(Date.UTC(2024, 10, 28, 12));

describe('the baseline calendar handed to the quantile stage', () => {
  it("is the ensemble's calendar, and nothing for a baseline without one", async () => {
    const ensemble = await ensembleBaseline.create().fit({ series });
    const { calendar } = calendarOf(ensemble);
    expect(calendar?.(thanksgivingNoon)[0]).toBeLessThan(0.8);
    const naive = await seasonalNaiveBaseline.create().fit({ series });
    expect(calendarOf(naive)).toEqual({});
  });

  it("fits each origin once, for its forecast and its calendar, on that origin's history alone", async () => {
    const fitted: number[] = [];
    const origins = originBaseline(async (train) => {
      fitted.push(train.values.length);
      return ensembleBaseline.create().fit({ series: train });
    });
    const before = prefix(series.values.length - 10 * 24); // ends before Thanksgiving
    expect(await origins.forecaster(before, 24)).toHaveLength(24);
    const early = await origins.calendarFor(before);
    const late = await origins.calendarFor(series);
    await origins.forecaster(series, 24);
    expect(fitted).toEqual([before.values.length, series.values.length]);
    // the origin before Thanksgiving has not seen it: no learned dip there
    expect(early?.(thanksgivingNoon)[0]).toBe(1);
    expect(late?.(thanksgivingNoon)[0]).toBeLessThan(0.8);
  });

  it('binds the calendar to its baseline', () => {
    const baseline = {
      factor: 0.5,
      calendarMultipliers(this: { factor: number }, at: Float64Array) {
        return new Float64Array(at.length).fill(this.factor);
      },
    } as unknown as FittedBaseline;
    expect([...calendarOf(baseline).calendar!(Float64Array.of(0, 1))]).toEqual([0.5, 0.5]);
  });
});
