import { CdfError, CdfErrorCode, type Series } from '@cdf/core';

/**
 * Points a baseline must not learn from: filled points of the series and the caller's mask
 * (detected spikes), as one array (1 = skip). Throws INVALID_VALUE when the mask is misaligned.
 */
export function skipMask(series: Series, mask?: Uint8Array): Uint8Array {
  const n = series.values.length;
  if (mask !== undefined && mask.length !== n) {
    throw new CdfError(CdfErrorCode.InvalidValue, `mask has ${mask.length} points for a series of ${n}`, {
      column: 'mask',
      value: String(mask.length),
      expected: `${n} points, one per timestamp`,
    });
  }
  const skip = new Uint8Array(n);
  for (let i = 0; i < n; i++) skip[i] = series.filled[i] === 1 || mask?.[i] === 1 ? 1 : 0;
  return skip;
}

/** Number of points not skipped. */
export function countObserved(skip: Uint8Array): number {
  let observed = 0;
  for (let i = 0; i < skip.length; i++) if (skip[i] === 0) observed++;
  return observed;
}
