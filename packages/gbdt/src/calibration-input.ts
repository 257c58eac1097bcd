import { CdfError, CdfErrorCode } from '@cdf/core';

/** Check calibration data: aligned, finite scores, 0/1 labels, at least one row. */
export function checkCalibrationInput(
  what: string,
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): void {
  if (scores.length !== labels.length || scores.length === 0) {
    throw new CdfError(
      CdfErrorCode.InvalidValue,
      `${what}: scores and labels must be aligned and non-empty`,
      {
        column: 'labels',
        value: `${scores.length} scores, ${labels.length} labels`,
        expected: 'as many labels as scores, at least one',
      },
    );
  }
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i]!)) {
      throw new CdfError(CdfErrorCode.InvalidValue, `${what}: score is not finite`, {
        row: i + 1,
        column: 'scores',
        value: String(scores[i]),
        expected: 'a finite number',
      });
    }
    const y = labels[i]!;
    if (y !== 0 && y !== 1) {
      throw new CdfError(CdfErrorCode.InvalidValue, `${what}: label is not 0 or 1`, {
        row: i + 1,
        column: 'labels',
        value: String(y),
        expected: '0 or 1',
      });
    }
  }
}
