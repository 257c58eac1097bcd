import { HOUR_MS } from '@cdf/core';
import { generateSynthetic } from '@cdf/data';
import { describe, expect, it } from 'vitest';
import { StreamingDetector, type WarmupVerdicts } from '../stream/streaming-detector.ts';
import { scoreAgainstTruth } from '../synthetic-check/ground-truth-score.ts';
import { seriesFromColumns } from '../synthetic-check/synthetic-series.ts';
import { handMadeSeries } from '../testing/hand-made-series.ts';
import { createAnomalyDetector } from './anomaly-detector.ts';
import { WARMUP_SPIKE_RATIO, withoutWarmupSpikes } from './warmup-spikes.ts';

/** A week of hourly log values: a daily cycle, two weekend days 0.36 lower, small noise. */
function warmupWeek(): Float64Array {
  return Float64Array.from({ length: 168 }, (_, i) => {
    const day = Math.floor(i / 24);
    const daily = 0.3 * Math.cos((2 * Math.PI * ((i % 24) - 13)) / 24);
    return 4 + daily - (day >= 5 ? 0.36 : 0) + 0.01 * Math.sin(i * 7.3);
  });
}

describe('withoutWarmupSpikes', () => {
  it('cuts a launch on the last two days down to 1.5x the median day and leaves the rest', () => {
    const clean = warmupWeek();
    const launched = Float64Array.from(clean, (y, i) => (i >= 5 * 24 + 4 ? y + Math.log(5) : y));
    const out = withoutWarmupSpikes(launched, 24, 3, 0.02);
    for (let i = 0; i < 5 * 24 + 4; i++) expect(out[i]).toBe(clean[i]);
    for (let i = 5 * 24 + 4; i < 168; i++) {
      // The median day at that hour is a weekday (five of seven days), so the cap is the
      // weekday value plus log 1.5 (three robust scales of this quiet week are less).
      const weekday = clean[i % 24]!;
      expect(out[i]).toBeLessThanOrEqual(weekday + Math.log(WARMUP_SPIKE_RATIO) + 0.02);
      expect(out[i]).toBeGreaterThan(weekday + Math.log(WARMUP_SPIKE_RATIO) - 0.02);
    }
  });

  it('leaves an ordinary week, its lower weekend included, unchanged', () => {
    const clean = warmupWeek();
    expect(withoutWarmupSpikes(clean, 24, 3, 0.02)).toEqual(clean);
  });

  it('returns the warm-up as it is with fewer than three cycles of the period', () => {
    const short = warmupWeek().subarray(0, 48);
    const lifted = Float64Array.from(short, (y, i) => (i > 30 ? y + 2 : y));
    expect(withoutWarmupSpikes(lifted, 24, 3, 0.02)).toEqual(lifted);
  });

  it('keeps missing values missing', () => {
    const week = warmupWeek();
    week[10] = Number.NaN;
    expect(Number.isNaN(withoutWarmupSpikes(week, 24, 3, 0.02)[10]!)).toBe(true);
  });
});

describe('a launch inside the warm-up week', () => {
  it('does not become the weekly normal (synthetic seed 53: launch from day 6 of the warm-up)', () => {
    // Two years hourly from @cdf/data's generator, launches not given; seed 53 is the one whose
    // first launch starts on Saturday 2024-01-06, inside the one-week warm-up. Before the cut the
    // weekly track expected the launch on those hours for cycles, the daily track took over and
    // flagged Monday mornings: precision 0.9385, FPR 1.018%; with it 0.9664 and 0.557%.
    const data = generateSynthetic({ start: '2024-01-01', end: '2026-01-01', seed: 53 });
    const series = seriesFromColumns(data, 'compute_tflops', HOUR_MS);
    const detection = createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
    const score = scoreAgainstTruth(series.timestamps, detection.isAnomaly, detection.events, data.events);
    expect(score.pointPrecision).toBeGreaterThan(0.95);
    expect(score.falsePositiveRate).toBeLessThan(0.0075);
    expect(score.eventRecall.feature_launch.detected).toBe(score.eventRecall.feature_launch.total);
  });
});

describe('verdicts on the warm-up, given once it is over', () => {
  it('flags a 3x burst on day 3 of the warm-up and nothing else in it, in batch and stream alike', () => {
    const series = handMadeSeries({ length: 24 * 7 * 4, seed: 3 });
    const burst = { from: 2 * 24 + 10, to: 2 * 24 + 10 + 30 };
    for (let i = burst.from; i < burst.to; i++) series.values[i] = series.values[i]! * 3;
    const detection = createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
    const inWarmup = (from: number, to: number) =>
      detection.isAnomaly.subarray(from, to).reduce((a, b) => a + b, 0);
    expect(inWarmup(burst.from, burst.to)).toBeGreaterThanOrEqual(25);
    expect(inWarmup(0, burst.from) + inWarmup(burst.to, 168)).toBe(0);
    // Judged against the median day: the expectation of a flagged hour is near the clean value.
    const mid = burst.from + 15;
    expect(detection.expected[mid]! / (series.values[mid]! / 3)).toBeGreaterThan(0.85);
    expect(detection.expected[mid]! / (series.values[mid]! / 3)).toBeLessThan(1.15);
    expect(detection.events[0]!.start).toBe(series.timestamps[burst.from]);
    expect(detection.detectors[mid]).toBe('robust_z');
    // The streaming detector hands the same verdicts over with its verdict on point 168.
    const stream = new StreamingDetector({ stepMs: series.stepMs });
    let late: WarmupVerdicts | undefined;
    for (let i = 0; i < 168; i++) {
      const verdict = stream.update({ value: series.values[i]! });
      if (i < 167) expect(verdict.warmup).toBeUndefined();
      else late = verdict.warmup;
    }
    expect(Array.from(late!.isAnomaly)).toEqual(Array.from(detection.isAnomaly.subarray(0, 168)));
    expect(Array.from(late!.scores)).toEqual(Array.from(detection.scores.subarray(0, 168)));
  });

  it('flags nothing in an ordinary warm-up, its lower weekend included', () => {
    const series = handMadeSeries({ length: 24 * 7 * 3, seed: 4, noise: 0.08 });
    const detection = createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
    expect(detection.isAnomaly.subarray(0, 168).reduce((a, b) => a + b, 0)).toBe(0);
    expect(Array.from(detection.expected.subarray(0, 168))).toEqual(
      Array.from(series.values.subarray(0, 168)),
    );
  });
});
