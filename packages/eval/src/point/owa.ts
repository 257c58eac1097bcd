import { CdfError, CdfErrorCode } from '@cdf/core';

/** An sMAPE and MASE pair, as {@link owa} takes it. */
export interface SmapeMase {
  /** sMAPE in percent (see `smape`). */
  smape: number;
  /** MASE (see `mase`). */
  mase: number;
}

/**
 * Overall weighted average as the M4 competition defines it:
 * `(sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2) / 2`, where the Naive2 scores are those of the
 * `naive2` reference forecast on the same series (M4 averages each metric over the series
 * first, then takes this ratio). 1 equals Naive2; lower is better.
 */
export function owa(method: SmapeMase, naive2Scores: SmapeMase): number {
  for (const [name, value] of Object.entries({
    smape: method.smape,
    mase: method.mase,
    naive2Smape: naive2Scores.smape,
    naive2Mase: naive2Scores.mase,
  })) {
    const reference = name.startsWith('naive2');
    if (!Number.isFinite(value) || value < 0 || (reference && value === 0)) {
      throw new CdfError(CdfErrorCode.InvalidValue, `owa: ${name} must be a finite score`, {
        column: name,
        value: String(value),
        expected: reference ? 'a finite number > 0' : 'a finite number >= 0',
      });
    }
  }
  return 0.5 * (method.smape / naive2Scores.smape + method.mase / naive2Scores.mase);
}
