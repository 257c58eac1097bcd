import { describe, expect, it } from 'vitest';
import { argMax, handMadeSeries } from '../testing/hand-made-series.ts';
import { createAnomalyDetector } from './anomaly-detector.ts';

// Six weeks hourly with a daily and weekly cycle; one point at 3x its normal value.
const SPIKE = 900;
function spiked() {
  const series = handMadeSeries({ length: 24 * 42, seed: 3 });
  series.values[SPIKE] = series.values[SPIKE]! * 3;
  return series;
}

describe('each detector on a hand-made series', () => {
  for (const name of ['robust_z', 'rate_of_change', 'isolation_forest', 'ensemble'] as const) {
    it(`${name}: the spike at a known index has the top score and is flagged`, () => {
      const prepared = createAnomalyDetector(name).preprocess(spiked());
      expect(argMax(prepared.scores)).toBe(SPIKE);
      // The forest's own tail is empirical: with N training points it cannot claim more than
      // 1 in N + 1, so alone it needs a higher sensitivity to flag.
      const detection = prepared.detect(name === 'isolation_forest' ? 0.75 : 0.5);
      expect(detection.isAnomaly[SPIKE]).toBe(1);
      expect(detection.detectors[SPIKE]).toContain(name === 'ensemble' ? 'robust_z' : name);
    });
  }

  it('flags nothing on the same series without the spike once the weekly cycle is learnt', () => {
    const detection = createAnomalyDetector('ensemble')
      .preprocess(handMadeSeries({ length: 24 * 42, seed: 3 }))
      .detect(0.5);
    // Known limit: the first Monday after the one-week warm-up can still look high to the
    // daily track before the weekly track has a fit record; from week 3 on nothing is flagged.
    const flagged = detection.isAnomaly.subarray(24 * 14).reduce((a, b) => a + b, 0);
    expect(flagged).toBe(0);
  });

  it('a drop is not a spike by default but is an anomaly with direction both', () => {
    const series = handMadeSeries({ length: 24 * 42, seed: 3 });
    series.values[SPIKE] = series.values[SPIKE]! / 4;
    expect(createAnomalyDetector('ensemble').preprocess(series).detect(0.5).isAnomaly[SPIKE]).toBe(0);
    const both = createAnomalyDetector('ensemble', { params: { direction: 'both' } }).preprocess(series);
    expect(both.detect(0.5).isAnomaly[SPIKE]).toBe(1);
  });
});

describe('sensitivity', () => {
  it('higher sensitivity never flags fewer points (and flags supersets)', () => {
    const prepared = createAnomalyDetector('ensemble').preprocess(spiked());
    let previous: Uint8Array | undefined;
    for (let s = 0; s <= 1.0001; s += 0.05) {
      const flags = prepared.detect(Math.min(1, s)).isAnomaly;
      if (previous)
        for (let i = 0; i < flags.length; i++) expect(flags[i]!).toBeGreaterThanOrEqual(previous[i]!);
      previous = flags;
    }
    expect(prepared.detect(0).isAnomaly.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('rejects a sensitivity outside 0..1 with a CdfError', () => {
    const prepared = createAnomalyDetector('ensemble').preprocess(spiked());
    expect(() => prepared.detect(1.5)).toThrow(/sensitivity/);
  });
});

describe('missing and filled points', () => {
  it('never flags a filled or NaN point, even at sensitivity 1, and still scores the rest', () => {
    const series = spiked();
    series.filled[SPIKE] = 1;
    series.values[SPIKE + 30] = Number.NaN;
    series.values[SPIKE + 31] = series.values[SPIKE + 31]! * 5;
    series.filled[SPIKE + 31] = 1;
    const prepared = createAnomalyDetector('ensemble').preprocess(series);
    for (const s of [0.5, 1]) {
      const d = prepared.detect(s);
      expect(d.isAnomaly[SPIKE]).toBe(0);
      expect(d.isAnomaly[SPIKE + 30]).toBe(0);
      expect(d.isAnomaly[SPIKE + 31]).toBe(0);
    }
    expect(prepared.scores[SPIKE]).toBe(0);
    expect(prepared.scores[SPIKE + 30]).toBe(0);
    expect(Number.isFinite(prepared.scores[SPIKE + 40]!)).toBe(true);
  });
});
