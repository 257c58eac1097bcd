import { CdfError, CdfErrorCode } from '@cdf/core';

/** Throws INVALID_CONFIG unless `horizon` is a positive integer. */
export function assertHorizon(horizon: number): void {
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'horizon must be a positive whole number of steps', {
      column: 'horizon',
      value: String(horizon),
      expected: 'an integer >= 1',
    });
  }
}
