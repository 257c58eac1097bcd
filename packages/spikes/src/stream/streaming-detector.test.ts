import { generateSynthetic } from '@cdf/data';
import { describe, expect, it } from 'vitest';
import { createAnomalyDetector } from '../detect/anomaly-detector.ts';
import { seriesFromColumns } from '../synthetic-check/synthetic-series.ts';
import { StreamingDetector, type WarmupVerdicts } from './streaming-detector.ts';

describe('StreamingDetector', () => {
  // 12 weeks of synthetic hourly demand with launches, viral events and abuse bursts (seed 11).
  const data = generateSynthetic({ start: '2024-01-01', end: '2024-03-25', seed: 11 });
  const series = seriesFromColumns(data, 'compute_tflops', 3_600_000);
  series.filled[500] = 1;

  it('gives bit-for-bit the batch scores and verdicts on the same data, the warm-up once it is over', () => {
    const batch = createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
    const stream = new StreamingDetector({ stepMs: series.stepMs, sensitivity: 0.5 });
    let flagged = 0;
    let warmup: WarmupVerdicts | undefined;
    for (let i = 0; i < series.values.length; i++) {
      const v = stream.update({ value: series.values[i]!, filled: series.filled[i] === 1 });
      if (v.warmup !== undefined) {
        // Once, on the warm-up's last point: the verdicts on the whole warm-up, as the batch's.
        expect(warmup).toBeUndefined();
        warmup = v.warmup;
        expect(Array.from(warmup.scores)).toEqual(Array.from(batch.scores.subarray(0, i + 1)));
        expect(Array.from(warmup.isAnomaly)).toEqual(Array.from(batch.isAnomaly.subarray(0, i + 1)));
        expect(Array.from(warmup.expected)).toEqual(Array.from(batch.expected.subarray(0, i + 1)));
      }
      if (i < 167) {
        // Inside the warm-up nothing can be judged yet: the verdicts come with point 168.
        expect(v.score).toBe(0);
        expect(v.isAnomaly).toBe(false);
        continue;
      }
      expect(v.score).toBe(batch.scores[i]);
      expect(v.expected).toBe(batch.expected[i]);
      expect(v.isAnomaly ? 1 : 0).toBe(batch.isAnomaly[i]);
      if (v.isAnomaly) {
        flagged++;
        expect(v.spikeType).toBeDefined();
      } else expect(v.spikeType).toBeUndefined();
    }
    expect(flagged).toBeGreaterThanOrEqual(10);
    expect(warmup?.scores.length).toBe(168);
    // The fixture's warm-up holds a rise the late verdicts score (0.29: not flagged at 0.5).
    expect(Math.max(...warmup!.scores)).toBeGreaterThan(0);
  });

  it('holds bounded memory: its state does not grow with the stream', () => {
    const stream = new StreamingDetector({ stepMs: series.stepMs });
    const sizeAfter = (points: number) => {
      for (let i = 0; i < points; i++) stream.update({ value: series.values[i % series.values.length]! });
      return JSON.stringify(stateShape(stream)).length;
    };
    const early = sizeAfter(2000);
    const late = sizeAfter(6000);
    expect(late).toBe(early);
  });
});

/** Sizes of every array reachable from the detector (the forest training set is dropped once used). */
function stateShape(root: unknown): number[] {
  const sizes: number[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown) => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (ArrayBuffer.isView(x)) {
      sizes.push((x as Float64Array).length);
      return;
    }
    if (Array.isArray(x)) sizes.push(x.length);
    for (const v of Object.values(x as object)) walk(v);
  };
  walk(root);
  return sizes;
}
