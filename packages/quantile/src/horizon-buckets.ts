import { CdfError, CdfErrorCode } from '@cdf/core';

/** Default horizon buckets (upper bounds in steps, inclusive): 1-6, 7-24, 25-72, 73-168. */
export const DEFAULT_HORIZON_BUCKETS: readonly number[] = Object.freeze([6, 24, 72, 168]);

/**
 * The bucket index of horizon `h` (1-based steps) for ascending inclusive upper `bounds`:
 * the first bound `>= h`; horizons past the last bound fall in the last bucket.
 */
export function bucketOf(h: number, bounds: readonly number[]): number {
  for (let b = 0; b < bounds.length; b++) if (h <= bounds[b]!) return b;
  return bounds.length - 1;
}

/** Check bucket bounds: at least one, positive whole steps, strictly ascending. Throws INVALID_CONFIG. */
export function checkBuckets(bounds: readonly number[]): void {
  const ok =
    bounds.length > 0 &&
    bounds.every((b, i) => Number.isInteger(b) && b >= 1 && (i === 0 || b > bounds[i - 1]!));
  if (!ok) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'horizon buckets must be ascending whole steps >= 1', {
      column: 'horizonBuckets',
      value: JSON.stringify(bounds),
      expected: 'e.g. [6, 24, 72, 168]',
    });
  }
}
