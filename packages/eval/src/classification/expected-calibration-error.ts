import { CdfError, CdfErrorCode } from '@cdf/core';
import {
  type BooleanArray,
  checkAlignedFinite,
  checkPositiveInteger,
  type NumericArray,
} from '../metric-input.ts';

/** Options of {@link expectedCalibrationError}. */
export interface CalibrationOptions {
  /** Number of equal-width probability bins over [0, 1]. Default 10. */
  bins?: number;
}

/**
 * Expected calibration error of predicted probabilities against binary outcomes:
 * `sum_b (n_b / N) |mean(outcome in b) - mean(probability in b)|` over equal-width bins
 * `[k/B, (k+1)/B)` (the last bin includes 1). 0 = perfectly calibrated; in probability units.
 * Throws `CdfError` `INVALID_VALUE` for a probability outside [0, 1].
 */
export function expectedCalibrationError(
  labels: BooleanArray,
  probabilities: NumericArray,
  options: CalibrationOptions = {},
): number {
  const bins = options.bins ?? 10;
  checkPositiveInteger('expectedCalibrationError', 'bins', bins);
  const n = checkAlignedFinite('expectedCalibrationError', { probabilities });
  if (labels.length !== n) {
    throw new CdfError(
      CdfErrorCode.InvalidValue,
      `expectedCalibrationError: "labels" has ${labels.length} values`,
      {
        column: 'labels',
        value: String(labels.length),
        expected: `${n} values, as many as "probabilities"`,
      },
    );
  }
  const count = new Float64Array(bins);
  const outcomeSum = new Float64Array(bins);
  const probabilitySum = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    if (p < 0 || p > 1) {
      throw new CdfError(CdfErrorCode.InvalidValue, 'expectedCalibrationError: probability outside [0, 1]', {
        column: 'probabilities',
        row: i + 1,
        value: String(p),
        expected: 'a probability in [0, 1]',
      });
    }
    const b = Math.min(Math.floor(p * bins), bins - 1);
    count[b]! += 1;
    outcomeSum[b]! += labels[i] ? 1 : 0;
    probabilitySum[b]! += p;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    ece += (count[b]! / n) * Math.abs(outcomeSum[b]! / count[b]! - probabilitySum[b]! / count[b]!);
  }
  return ece;
}
