import { CdfError, CdfErrorCode } from '@cdf/core';
import { checkCalibrationInput } from './calibration-input.ts';

/** A fitted Platt scaling as JSON: `p = 1 / (1 + exp(-(a·z + b)))`, `z` the score or its logit. */
export interface SavedPlatt {
  kind: 'platt';
  a: number;
  b: number;
  /** `logit`: `z = logit(score)` (scores are probabilities); `raw`: `z = score`. */
  on: 'logit' | 'raw';
}

/** A logistic map from scores to calibrated probabilities. */
export interface PlattCalibrator {
  readonly kind: 'platt';
  predict(scores: ArrayLike<number>): Float64Array;
  toJSON(): SavedPlatt;
}

/** Options of {@link fitPlatt}. */
export interface PlattOptions {
  /** Fit on `logit(score)` (default, for scores that are probabilities) or on the raw score. */
  on?: 'logit' | 'raw';
}

const EPS = 1e-6;

/**
 * Platt scaling: a logistic regression of the labels on the score (or its logit), fitted by
 * Newton's method on the log loss with Platt's smoothed targets `(N+ + 1) / (N+ + 2)` and
 * `1 / (N- + 2)`, which keeps it finite on separable data. Throws a CdfError on bad input.
 */
export function fitPlatt(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: PlattOptions = {},
): PlattCalibrator {
  checkCalibrationInput('fitPlatt', scores, labels);
  const on = options.on ?? 'logit';
  const n = scores.length;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = transform(on, scores[i]!);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]!;
  const hiTarget = (positives + 1) / (positives + 2);
  const loTarget = 1 / (n - positives + 2);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let g0 = 0;
    let g1 = 0;
    let h00 = 1e-12;
    let h01 = 0;
    let h11 = 1e-12;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(a * z[i]! + b);
      const t = labels[i] === 1 ? hiTarget : loTarget;
      const d = p - t;
      const w = p * (1 - p);
      g0 += d * z[i]!;
      g1 += d;
      h00 += w * z[i]! * z[i]!;
      h01 += w * z[i]!;
      h11 += w;
    }
    const det = h00 * h11 - h01 * h01;
    if (!(Math.abs(det) > 0)) break;
    const da = (h11 * g0 - h01 * g1) / det;
    const db = (h00 * g1 - h01 * g0) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new CdfError(CdfErrorCode.ModelFailed, 'fitPlatt: the logistic fit did not converge', {
      expected: 'scores that vary',
    });
  }
  return plattFromParams({ kind: 'platt', a, b, on });
}

/** The calibrator of saved parameters (see {@link fitPlatt}). */
export function plattFromParams(saved: SavedPlatt): PlattCalibrator {
  const { a, b, on } = saved;
  return {
    kind: 'platt',
    predict(scores) {
      const out = new Float64Array(scores.length);
      for (let i = 0; i < scores.length; i++) out[i] = sigmoid(a * transform(on, scores[i]!) + b);
      return out;
    },
    toJSON: () => ({ kind: 'platt', a, b, on }),
  };
}

function transform(on: 'logit' | 'raw', s: number): number {
  if (on === 'raw') return s;
  const p = Math.min(1 - EPS, Math.max(EPS, s));
  return Math.log(p / (1 - p));
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
