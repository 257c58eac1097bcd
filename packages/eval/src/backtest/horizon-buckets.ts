import { CdfError, CdfErrorCode } from '@cdf/core';
import type { HorizonBucket } from './backtest-types.ts';

/** The default bucket edges in steps (hours at an hourly step): 1-6, 7-24, 25-72, 73-168, 169+. */
const DEFAULT_EDGES = [6, 24, 72, 168];

/**
 * The default horizon buckets for a horizon: steps 1-6, 7-24, 25-72, 73-168 and 169 to the
 * horizon, each cut at the horizon; buckets starting after it are dropped.
 */
export function defaultHorizonBuckets(horizon: number): HorizonBucket[] {
  const buckets: HorizonBucket[] = [];
  let from = 1;
  for (const edge of [...DEFAULT_EDGES, Number.POSITIVE_INFINITY]) {
    if (from > horizon) break;
    buckets.push({ from, to: Math.min(edge, horizon) });
    from = edge + 1;
  }
  return buckets;
}

/** The label of a bucket: `"1-6"`, or `"7"` for a single step. */
export function bucketLabel(bucket: HorizonBucket): string {
  return bucket.from === bucket.to ? String(bucket.from) : `${bucket.from}-${bucket.to}`;
}

/** Check user-given buckets against the horizon: integers, `1 <= from <= to <= horizon`. */
export function checkBuckets(buckets: readonly HorizonBucket[], horizon: number): void {
  buckets.forEach((bucket, i) => {
    const { from, to } = bucket;
    if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 1 && from <= to && to <= horizon)) {
      throw new CdfError(CdfErrorCode.InvalidConfig, `backtest: horizon bucket ${i + 1} is not usable`, {
        column: 'buckets',
        row: i + 1,
        value: `${from}-${to}`,
        expected: `whole steps with 1 <= from <= to <= ${horizon} (the horizon)`,
      });
    }
  });
}
