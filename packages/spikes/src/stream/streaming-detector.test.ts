import { generateSynthetic } from '@cdf/data';
import { describe, expect, it } from 'vitest';
import { createAnomalyDetector } from '../detect/anomaly-detector.ts';
import { seriesFromColumns } from '../synthetic-check/synthetic-series.ts';
import { StreamingDetector } from './streaming-detector.ts';

describe('StreamingDetector', () => {
  // 12 weeks of synthetic hourly demand with launches, viral events and abuse bursts (seed 11).
  const data = generateSynthetic({ start: '2024-01-01', end: '2024-03-25', seed: 11 });
  const series = seriesFromColumns(data, 'compute_tflops', 3_600_000);
  series.filled[500] = 1;

  it('gives bit-for-bit the batch scores and verdicts on the same data', () => {
    const batch = createAnomalyDetector('ensemble').preprocess(series).detect(0.5);
    const stream = new StreamingDetector({ stepMs: series.stepMs, sensitivity: 0.5 });
    let flagged = 0;
    for (let i = 0; i < series.values.length; i++) {
      const v = stream.update({ value: series.values[i]!, filled: series.filled[i] === 1 });
      expect(v.score).toBe(batch.scores[i]);
      expect(v.expected).toBe(batch.expected[i]);
      expect(v.isAnomaly ? 1 : 0).toBe(batch.isAnomaly[i]);
      if (v.isAnomaly) {
        flagged++;
        expect(v.spikeType).toBeDefined();
      } else expect(v.spikeType).toBeUndefined();
    }
    expect(flagged).toBeGreaterThanOrEqual(10);
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
