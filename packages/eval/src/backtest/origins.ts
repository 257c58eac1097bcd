import { CdfError, CdfErrorCode, InsufficientHistoryError } from '@cdf/core';
import type { OriginSpec } from './backtest-types.ts';

function positiveInteger(name: string, value: number): void {
  if (!(Number.isInteger(value) && value > 0)) {
    throw new CdfError(CdfErrorCode.InvalidConfig, `backtest: ${name} must be a positive integer`, {
      column: name,
      value: String(value),
      expected: 'an integer >= 1',
    });
  }
}

/**
 * The origin indices of a rolling-origin backtest, oldest first: `count` origins `stride` steps
 * apart (default stride: the horizon), the last one leaving exactly `horizon` points to score.
 * An origin is the index of the first forecast point, so the history before it has that many
 * points. Throws `INVALID_CONFIG` for bad numbers and `INSUFFICIENT_HISTORY` when the first
 * origin would leave fewer than `minTrain` points to learn from.
 */
export function originIndices(
  length: number,
  horizon: number,
  origins: number | OriginSpec,
  minTrain: number,
): number[] {
  const spec = typeof origins === 'number' ? { count: origins } : origins;
  positiveInteger('horizon', horizon);
  positiveInteger('origins', spec.count);
  const stride = spec.stride ?? horizon;
  positiveInteger('stride', stride);
  const last = length - horizon;
  const first = last - (spec.count - 1) * stride;
  if (first < minTrain) {
    const needed = minTrain + horizon + (spec.count - 1) * stride;
    throw new InsufficientHistoryError(
      `backtest (${spec.count} origins, horizon ${horizon}, stride ${stride})`,
      needed,
      length,
    );
  }
  return Array.from({ length: spec.count }, (_, k) => first + k * stride);
}
