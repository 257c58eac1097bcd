import { CdfError, CdfErrorCode } from '@cdf/core';

/** Throws ABORTED when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new CdfError(CdfErrorCode.Aborted, 'baseline fit aborted', { cause: signal.reason });
}
