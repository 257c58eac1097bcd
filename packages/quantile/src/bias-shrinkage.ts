/**
 * The bias `location` (a bucket's median log residual) kept after shrinking it towards 0 by
 * how well the origins agree on it: `location * max(0, 1 - se^2 / location^2)`, where `se` is the
 * standard error of the origins' own medians `perOrigin` over `independent` non-overlapping
 * windows (positive-part James-Stein). A shift the origins agree on (demand growing faster than
 * the baseline follows) is kept whole; one that is noise between a few origins (a 2-week series
 * has a handful) is dropped rather than moving every quantile by it.
 */
export function shrinkLocation(location: number, perOrigin: readonly number[], independent: number): number {
  const k = perOrigin.length;
  if (k < 2 || location === 0) return k < 2 ? 0 : location;
  const mean = perOrigin.reduce((a, v) => a + v, 0) / k;
  const variance = perOrigin.reduce((a, v) => a + (v - mean) ** 2, 0) / (k - 1);
  const se2 = variance / Math.max(1, Math.min(k, independent));
  return location * Math.max(0, 1 - se2 / (location * location));
}
