import { DAY_MS, HOUR_MS, MINUTE_MS } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { handMadeSeries } from '../testing/hand-made-series.ts';
import { createAnomalyDetector } from './anomaly-detector.ts';
import { resolveDetectorParams } from './detector-params.ts';

describe('spikes do not hide themselves', () => {
  it('a 3-week 6x launch block is flagged for most of its length, not only its first days', () => {
    const series = handMadeSeries({ length: 24 * 7 * 10, seed: 5 });
    const start = 24 * 7 * 5; // week 6
    const end = start + 24 * 21;
    for (let i = start; i < end; i++) series.values[i] = series.values[i]! * 6;
    const detection = createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
    let flagged = 0;
    for (let i = start; i < end; i++) flagged += detection.isAnomaly[i]!;
    // Measured 95% (479 of 504 steps); the last week must still be flagged too.
    expect(flagged / (end - start)).toBeGreaterThan(0.9);
    let lastWeek = 0;
    for (let i = end - 24 * 7; i < end; i++) lastWeek += detection.isAnomaly[i]!;
    expect(lastWeek / (24 * 7)).toBeGreaterThan(0.8);
    // The expectation stays near the old normal for the first week (it creeps towards a
    // persistent level by at most `clip` scales per half level window, by design).
    const weekOne = start + 24 * 7 - 12;
    expect(detection.expected[weekOne]! / (series.values[weekOne]! / 6)).toBeLessThan(2);
  });
});

describe('durations, not steps', () => {
  it('converts every window to steps of the series', () => {
    const hourly = resolveDetectorParams({}, HOUR_MS);
    const fiveMin = resolveDetectorParams({}, 5 * MINUTE_MS);
    expect(hourly.periodSteps).toEqual([24, 168]);
    expect(fiveMin.periodSteps).toEqual([288, 2016]);
    expect(fiveMin.levelSteps).toBe(12 * hourly.levelSteps);
    expect(fiveMin.warmupSteps).toBe(12 * hourly.warmupSteps);
    expect(fiveMin.shortSteps).toBe(12 * hourly.shortSteps);
    // The same half-life in time: after one day the weight left is the same.
    expect((1 - fiveMin.scaleAlpha) ** 288).toBeCloseTo((1 - hourly.scaleAlpha) ** 24, 10);
    // A 1-day period at a 1-day step means nothing and is dropped.
    expect(resolveDetectorParams({}, DAY_MS).periodSteps).toEqual([7]);
  });

  it('finds the same 4-hour burst at 5 min and at 1 h, and nothing else', () => {
    for (const stepMs of [HOUR_MS, 5 * MINUTE_MS]) {
      const perHour = HOUR_MS / stepMs;
      const series = handMadeSeries({ length: 24 * 7 * 4 * perHour, stepMs, seed: 9 });
      const burst = (24 * 7 * 3 + 24 * 2 + 10) * perHour; // week 4, Wednesday 10:00
      for (let i = burst; i < burst + 4 * perHour; i++) series.values[i] = series.values[i]! * 3;
      const detection = createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
      const events = detection.events.filter((e) => e.start >= series.timestamps[24 * 7 * 2 * perHour]!);
      expect(events).toHaveLength(1);
      expect(events[0]!.start).toBe(series.timestamps[burst]);
      expect(events[0]!.end).toBe(series.timestamps[burst + 4 * perHour - 1]);
    }
  });
});
