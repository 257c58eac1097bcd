import { expectedCalibrationError } from '@cdf/eval';
import { describe, expect, it } from 'vitest';
import { uniform } from '../test/synthetic-rows.ts';
import { loadCalibrator } from './calibrator.ts';
import { fitIsotonic } from './isotonic-calibrator.ts';
import { fitPlatt } from './platt-calibrator.ts';

/** Scores that over-state the truth: the true probability is score³ (hand-made miscalibration). */
function miscalibrated(n: number, seed: number): { scores: Float64Array; labels: Float64Array } {
  const next = uniform(seed);
  const scores = new Float64Array(n);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = next();
    labels[i] = next() < scores[i]! ** 3 ? 1 : 0;
  }
  return { scores, labels };
}

describe('fitIsotonic', () => {
  it('pools adjacent violators (hand-computed)', () => {
    // Labels by score: 0, 1, 0, 1, 1 -> blocks {0}, {1, 0} pooled to 0.5, {1}, {1}.
    const iso = fitIsotonic([1, 2, 3, 4, 5], [0, 1, 0, 1, 1]);
    expect(iso.toJSON()).toEqual({ kind: 'isotonic', x: [1, 2, 3, 4, 5], y: [0, 0.5, 0.5, 1, 1] });
    expect(Array.from(iso.predict([0, 2.5, 3.5, 9]))).toEqual([0, 0.5, 0.75, 1]);
  });

  it('pools tied scores first', () => {
    const iso = fitIsotonic([1, 1, 2, 2], [0, 1, 1, 1]);
    expect(iso.toJSON()).toEqual({ kind: 'isotonic', x: [1, 2], y: [0.5, 1] });
  });

  it('is monotone and lowers the expected calibration error on held-out data', () => {
    const fit = miscalibrated(5000, 3);
    const test = miscalibrated(5000, 4);
    const iso = fitIsotonic(fit.scores, fit.labels);
    const grid = Float64Array.from({ length: 1001 }, (_, i) => i / 1000);
    const mapped = iso.predict(grid);
    for (let i = 1; i < mapped.length; i++) expect(mapped[i]!).toBeGreaterThanOrEqual(mapped[i - 1]!);
    const before = expectedCalibrationError(Uint8Array.from(test.labels), test.scores);
    const after = expectedCalibrationError(Uint8Array.from(test.labels), iso.predict(test.scores));
    expect(before).toBeGreaterThan(0.15);
    expect(after).toBeLessThan(0.03);
    expect(loadCalibrator(JSON.parse(JSON.stringify(iso))).predict(test.scores)).toEqual(
      iso.predict(test.scores),
    );
  });

  it('rejects labels that are not 0/1', () => {
    expect(() => fitIsotonic([0.1, 0.2], [0, 2])).toThrow(/0 or 1/);
    expect(() => fitIsotonic([0.1], [0, 1])).toThrow(/aligned/);
  });
});

describe('fitPlatt', () => {
  it('recovers a known logistic map on the raw score', () => {
    const next = uniform(5);
    const n = 20000;
    const scores = new Float64Array(n);
    const labels = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      scores[i] = next() * 4 - 2;
      labels[i] = next() < 1 / (1 + Math.exp(-(1.5 * scores[i]! - 0.5))) ? 1 : 0;
    }
    const platt = fitPlatt(scores, labels, { on: 'raw' }).toJSON();
    expect(platt.a).toBeCloseTo(1.5, 1);
    expect(platt.b).toBeCloseTo(-0.5, 1);
  });

  it('calibrates probabilities on their logit and saves exactly', () => {
    const fit = miscalibrated(5000, 6);
    const test = miscalibrated(5000, 7);
    const platt = fitPlatt(fit.scores, fit.labels);
    const after = expectedCalibrationError(Uint8Array.from(test.labels), platt.predict(test.scores));
    expect(after).toBeLessThan(expectedCalibrationError(Uint8Array.from(test.labels), test.scores) / 2);
    expect(loadCalibrator(platt.toJSON()).predict(test.scores)).toEqual(platt.predict(test.scores));
  });

  it('rejects a saved calibrator of unknown shape', () => {
    expect(() => loadCalibrator({ kind: 'beta', a: 1 })).toThrow(/saved calibrator/);
  });
});
