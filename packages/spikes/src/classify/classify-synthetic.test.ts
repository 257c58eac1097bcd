import { PlannedEventSchema } from '@cdf/core';
import { generateSynthetic } from '@cdf/data';
import { describe, expect, it } from 'vitest';
import { createAnomalyDetector } from '../detect/anomaly-detector.ts';
import { scoreAgainstTruth } from '../synthetic-check/ground-truth-score.ts';
import { seriesFromColumns } from '../synthetic-check/synthetic-series.ts';
import { classifySpike, DEFAULT_SPIKE_RULES } from './spike-rules.ts';

describe('classification of synthetic spikes (seed 7, one year hourly)', () => {
  const data = generateSynthetic({ start: '2024-01-01', end: '2025-01-01', seed: 7 });
  const series = seriesFromColumns(data, 'compute_tflops', 3_600_000);

  it('types the detected events right and finds the launches, viral events and abuse bursts', () => {
    const detection = createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
    const score = scoreAgainstTruth(series.timestamps, detection.isAnomaly, detection.events, data.events);
    // Measured on this seed: type accuracy 1.000 (32 matched events), point precision 0.999,
    // FPR 0.015%, recall launches 5/5, viral 5/8, abuse 22/24. Asserted with a margin.
    expect(score.typeAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.pointPrecision).toBeGreaterThanOrEqual(0.95);
    expect(score.falsePositiveRate).toBeLessThan(0.01);
    expect(score.eventRecall.feature_launch.recall).toBe(1);
    expect(score.eventRecall.api_abuse.recall).toBeGreaterThanOrEqual(0.85);
    for (const type of ['feature_launch', 'viral_event', 'api_abuse'] as const) {
      expect(detection.events.some((e) => e.type === type)).toBe(true);
    }
  });

  it('a spike overlapping a planned launch is a feature_launch', () => {
    const plannedEvents = data.plannedLaunches.map((p) => PlannedEventSchema.parse(p));
    const detection = createAnomalyDetector('ensemble', { plannedEvents }).preprocess(series).detect(0.5);
    const launch = data.events.find((e) => e.type === 'feature_launch' && e.start > Date.UTC(2024, 1, 1))!;
    const found = detection.events.find((e) => e.start <= launch.end && e.end >= launch.start);
    expect(found?.type).toBe('feature_launch');
  });
});

describe('classifySpike rules', () => {
  const base = { durationHours: 30, magnitude: 3, onsetShare: 0.3, overlapsPlannedEvent: false };
  it('reads the request/token mix first', () => {
    expect(classifySpike({ ...base, tokenRatio: 0.5 })).toBe('api_abuse');
    expect(classifySpike({ ...base, tokenRatio: 1.5 })).toBe('feature_launch');
    expect(classifySpike({ ...base, tokenRatio: 1 })).toBe('viral_event');
    expect(classifySpike({ ...base, tokenRatio: 0.5, overlapsPlannedEvent: true })).toBe('feature_launch');
  });
  it('falls back on the shape without token data', () => {
    expect(classifySpike({ ...base, durationHours: 3, onsetShare: 0.9 })).toBe('api_abuse');
    expect(classifySpike({ ...base, durationHours: 100, magnitude: 6 })).toBe('feature_launch');
    expect(classifySpike({ ...base, magnitude: 1.4, durationHours: 200 })).toBe('gradual_growth');
    expect(classifySpike(base)).toBe('viral_event');
    expect(
      classifySpike({ ...base, magnitude: 1.75 }, { ...DEFAULT_SPIKE_RULES, growthMaxMagnitude: 2 }),
    ).toBe('gradual_growth');
  });
});
