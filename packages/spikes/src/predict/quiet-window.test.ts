import type { Series } from '@cdf/core';
import { generateSynthetic } from '@cdf/data';
import { describe, expect, it } from 'vitest';
import { createAnomalyDetector } from '../detect/anomaly-detector.ts';
import { fitSpikePredictor } from './fit-spike-predictor.ts';
import { capHoursSinceAnomaly } from './quiet-history-cap.ts';
import { spikeModelFeatures } from './spike-model-features.ts';

// The case this guards, as `cdf forecast` met it: @cdf/data's generator, seed 5, two years hourly
// from 2025-01-01, history cut four weeks before the end (2026-12-03 23:00 UTC). The generator
// places events uniformly at random; the last one before the cut (a launch) ended four weeks
// earlier and the next 168 h hold none. The spike model learns the demand ensemble's mask, as in
// the app.
const H = 168;
const start = Date.parse('2025-01-01T00:00:00Z');
const data = generateSynthetic({ start, end: start + 17_520 * 3_600_000, seed: 5 });
const cut = data.timestamps.length - 4 * H;
const columns: Record<string, Float64Array> = {};
for (const [name, column] of Object.entries(data.columns)) columns[name] = column.slice(0, cut);
const series: Series = {
  id: 'default',
  target: 'compute_tflops',
  stepMs: data.options.stepMs,
  timestamps: data.timestamps.slice(0, cut),
  values: columns.compute_tflops!,
  filled: new Uint8Array(cut),
  columns,
  timeZone: 'UTC',
};
const anomalies = createAnomalyDetector('ensemble').preprocess(series).detect(0.5).isAnomaly;
const baseRate = anomalies.reduce((a, b) => a + b, 0) / cut;
const lastThird = (p: Float64Array) => p.subarray(2 * 56).reduce((a, b) => a + b, 0) / 56;

describe('spike probability on a long quiet window', () => {
  it('is event-free ahead and four weeks quiet behind (the fixture is the case it claims)', () => {
    expect(data.eventType.slice(cut, cut + H).every((t) => t === '')).toBe(true);
    expect(data.eventType.slice(cut - 28 * 24, cut).every((t) => t === '')).toBe(true);
    expect(anomalies.subarray(cut - 28 * 24).every((a) => a === 0)).toBe(true);
    expect(baseRate).toBeGreaterThan(0.05);
    expect(baseRate).toBeLessThan(0.2);
  });

  it('stays near the base rate at every horizon, not rising with h', async () => {
    const predictor = await fitSpikePredictor(series, { anomalies, horizons: H, seed: 42, parallel: false });
    const { probability } = predictor.predict({ horizon: H });
    predictor.free();
    expect(Math.max(...probability)).toBeLessThan(2 * baseRate);
    expect(lastThird(probability)).toBeLessThan(1.5 * baseRate);
  });

  it('leaves the month of the year out of the spike models, origin and target hour alike', () => {
    // With the month in, this fixture rose from the base rate to 0.36-0.53 past 84 h: a viral
    // event and a launch had fallen in the December before (see spike-model-features.ts).
    const rows = 2;
    const names = ['month_sin', 'future_month_cos', 'hour_sin', 'future_month_sin', 'month_cos'];
    const matrix = {
      names,
      columns: names.map((_, j) => Float64Array.of(j, j + 0.5)),
      rows,
      origins: Int32Array.of(0, 1),
      notes: [],
    };
    const seen = spikeModelFeatures(matrix);
    expect(seen.names).toEqual(['hour_sin']);
    expect(Array.from(seen.columns[0]!)).toEqual([2, 2.5]);
  });

  it('caps only hours_since_anomaly, without copying the other columns', () => {
    const matrix = {
      names: ['hours_since_anomaly', 'value_rel'],
      columns: [Float64Array.of(0, 100, 720), Float64Array.of(1, 2, 3)],
      rows: 3,
      origins: Int32Array.of(0, 1, 2),
      notes: [],
    };
    const capped = capHoursSinceAnomaly(matrix, 168);
    expect(Array.from(capped.columns[0]!)).toEqual([0, 100, 168]);
    expect(capped.columns[1]).toBe(matrix.columns[1]);
    expect(Array.from(matrix.columns[0]!)).toEqual([0, 100, 720]);
    const without = { ...matrix, names: ['a', 'b'] };
    expect(capHoursSinceAnomaly(without, 168)).toBe(without);
  });
});
