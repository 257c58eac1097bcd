import { checkCalibrationInput } from './calibration-input.ts';

/** A fitted isotonic calibration as JSON: knots `x` ascending, `y` non-decreasing. */
export interface SavedIsotonic {
  kind: 'isotonic';
  x: number[];
  y: number[];
}

/** A monotone map from scores to calibrated probabilities. */
export interface IsotonicCalibrator {
  readonly kind: 'isotonic';
  /** Calibrated probabilities, one per score; non-decreasing in the score. */
  predict(scores: ArrayLike<number>): Float64Array;
  toJSON(): SavedIsotonic;
}

/**
 * Isotonic calibration by pool-adjacent-violators: the non-decreasing step function of the
 * score with the least squared error to the 0/1 labels (ties in score pooled first). Each
 * pooled block becomes two knots (its lowest and highest score) at the block's mean label;
 * between blocks the map is linear, outside it is flat. Throws a CdfError on bad input.
 */
export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>): IsotonicCalibrator {
  checkCalibrationInput('fitIsotonic', scores, labels);
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]! || a - b);
  // Blocks on a stack: sum of labels, count, lowest and highest score.
  const sum: number[] = [];
  const count: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  let i = 0;
  while (i < n) {
    const s = scores[order[i]!]!;
    let blockSum = 0;
    let blockCount = 0;
    while (i < n && scores[order[i]!] === s) {
      blockSum += labels[order[i]!]!;
      blockCount++;
      i++;
    }
    sum.push(blockSum);
    count.push(blockCount);
    lo.push(s);
    hi.push(s);
    // Pool while the last block's mean is below the one before it.
    while (sum.length > 1) {
      const k = sum.length - 1;
      if (sum[k - 1]! * count[k]! <= sum[k]! * count[k - 1]!) break;
      sum[k - 1]! += sum[k]!;
      count[k - 1]! += count[k]!;
      hi[k - 1] = hi[k]!;
      sum.pop();
      count.pop();
      lo.pop();
      hi.pop();
    }
  }
  const x: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < sum.length; k++) {
    const mean = sum[k]! / count[k]!;
    x.push(lo[k]!);
    y.push(mean);
    if (hi[k]! > lo[k]!) {
      x.push(hi[k]!);
      y.push(mean);
    }
  }
  return isotonicFromKnots({ kind: 'isotonic', x, y });
}

/** The calibrator of saved knots (see {@link fitIsotonic}). */
export function isotonicFromKnots(saved: SavedIsotonic): IsotonicCalibrator {
  const x = Float64Array.from(saved.x);
  const y = Float64Array.from(saved.y);
  return {
    kind: 'isotonic',
    predict(scores) {
      const out = new Float64Array(scores.length);
      for (let i = 0; i < scores.length; i++) out[i] = interpolate(x, y, scores[i]!);
      return out;
    },
    toJSON: () => ({ kind: 'isotonic', x: Array.from(x), y: Array.from(y) }),
  };
}

function interpolate(x: Float64Array, y: Float64Array, s: number): number {
  const last = x.length - 1;
  if (Number.isNaN(s)) return Number.NaN;
  if (s <= x[0]!) return y[0]!;
  if (s >= x[last]!) return y[last]!;
  let a = 0;
  let b = last;
  while (b - a > 1) {
    const mid = (a + b) >> 1;
    if (x[mid]! <= s) a = mid;
    else b = mid;
  }
  const span = x[b]! - x[a]!;
  return span > 0 ? y[a]! + ((y[b]! - y[a]!) * (s - x[a]!)) / span : y[b]!;
}
