import { readFileSync } from 'node:fs';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Series } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { handMadeSeries } from '../testing/hand-made-series.ts';
import { createAnomalyDetector } from './anomaly-detector.ts';
import { type DetectorParamsInput, resolveDetectorParams } from './detector-params.ts';

describe('spikes do not hide themselves', () => {
  it('a 3-week 6x launch block is flagged for most of its length, not only its first days', () => {
    const series = handMadeSeries({ length: 24 * 7 * 10, seed: 5 });
    const start = 24 * 7 * 5; // week 6
    const end = start + 24 * 21;
    for (let i = start; i < end; i++) series.values[i] = series.values[i]! * 6;
    const detection = createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
    let flagged = 0;
    for (let i = start; i < end; i++) flagged += detection.isAnomaly[i]!;
    // Measured 100% (504 of 504 steps; 95% before the history was kept level-free and outliers
    // admitted at half the clip); the last week must still be flagged too.
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

/** Multiply `hours` points from `start` by a linear ramp up, a plateau at `peak` and a linear decay. */
function burst(
  values: Float64Array,
  start: number,
  hours: number,
  peak: number,
  rampHours: number,
  decayHours: number,
) {
  for (let k = 0; k < hours; k++) {
    const shape = Math.min(1, (k + 1) / rampHours, (hours - k) / decayHours);
    values[start + k] = values[start + k]! * (1 + (peak - 1) * shape);
  }
}

describe('a launch does not hide what follows it', () => {
  // A week-long 6x launch (1-day ramp, 3-day decay), then 3 quiet days, then a 2-day 2.2x viral
  // burst (7 h ramp, 1-day decay): the shapes of @cdf/data's generator, on 8% noise.
  const LAUNCH = 24 * 7 * 4;
  const VIRAL = LAUNCH + 24 * 7 + 24 * 3;
  function flagged(seed: number, params: DetectorParamsInput) {
    const series = handMadeSeries({ length: 24 * 7 * 10, seed, noise: 0.08 });
    burst(series.values, LAUNCH, 24 * 7, 6, 24, 72);
    burst(series.values, VIRAL, 48, 2.2, 7, 24);
    const detection = createAnomalyDetector('ensemble', { params }).preprocess(series).detect(0.5);
    const count = (from: number, to: number) =>
      detection.isAnomaly.subarray(from, to).reduce((a, b) => a + b, 0);
    const all = count(24 * 14, series.values.length);
    return { launch: count(LAUNCH, LAUNCH + 168), viral: count(VIRAL, VIRAL + 48), all };
  }

  it('flags the viral burst three days after the launch, and nothing outside the two', () => {
    for (const seed of [1, 2, 3]) {
      const { launch, viral, all } = flagged(seed, {});
      // Measured 141, 137, 136 of 168 and 29, 27, 29 of 48.
      expect(launch).toBeGreaterThan(120);
      expect(viral).toBeGreaterThan(20);
      expect(all).toBe(launch + viral);
    }
  });

  it('misses most of it with the whole clip admitted and the exponential scale (the failure)', () => {
    // Measured 4, 2, 15 of 48: the expectation had taken in part of the launch, and the residual
    // scale had grown on the days after it.
    for (const seed of [1, 2, 3])
      expect(flagged(seed, { admitOutliers: 1, scaleWindow: null }).viral).toBeLessThan(16);
  });

  it('still takes a lasting 1.5x step for the new level within two weeks', () => {
    const series = handMadeSeries({ length: 24 * 7 * 12, seed: 3 });
    const step = 24 * 7 * 5;
    for (let i = step; i < series.values.length; i++) series.values[i] = series.values[i]! * 1.5;
    const detection = createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
    // Measured: flagged for the first 7-8 days (24, 24, 24, 24, 23, 22, 10, 1 hours), then never.
    expect(detection.isAnomaly.subarray(step, step + 24 * 3).every((a) => a === 1)).toBe(true);
    expect(detection.isAnomaly.subarray(step + 24 * 10).every((a) => a === 0)).toBe(true);
  });
});

describe('a drift on a very regular series is followed, not flagged for ever', () => {
  const fixture = JSON.parse(readFileSync(new URL('./fixtures/m4-h204.json', import.meta.url), 'utf8')) as {
    start: string;
    stepMs: number;
    values: number[];
  };
  const n = fixture.values.length;
  const series: Series = {
    id: 'H204',
    target: 'value',
    stepMs: fixture.stepMs,
    timestamps: Float64Array.from({ length: n }, (_, i) => Date.parse(fixture.start) + i * fixture.stepMs),
    values: Float64Array.from(fixture.values),
    filled: new Uint8Array(n),
    columns: {},
    timeZone: 'UTC',
  };
  const flags = (params: DetectorParamsInput) =>
    createAnomalyDetector('ensemble', { params })
      .preprocess(series)
      .detect(0.5)
      .isAnomaly.reduce((a, b) => a + b, 0);

  it('M4 H204: hours 05-07 drift ~4% from their weekly median; small outliers enter at the whole clip', () => {
    // With the floor of the scale at 0.5%, the drift is 9 scales: shrunk like a spike, the
    // expectation at those hours never caught up (111 of 960 hours flagged; the MASE of the
    // series' 48 h forecast went 0.47 -> 4.95). Below `spikeRatio` it is followed: none.
    expect(flags({ minRelativeScale: 0.005 })).toBe(0);
    expect(flags({ minRelativeScale: 0.005, spikeRatio: 1.0001 })).toBeGreaterThan(100);
    // The default floor (2%) keeps it under the clip in the first place.
    expect(flags({ spikeRatio: 1.0001 })).toBe(0);
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
    expect(fiveMin.scaleWindowSteps).toBe(12 * hourly.scaleWindowSteps);
    expect(hourly.scaleWindowSteps).toBe(24 * 14);
    expect(resolveDetectorParams({ scaleWindow: null }, HOUR_MS).scaleWindowSteps).toBe(0);
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
