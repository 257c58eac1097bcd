/**
 * The bias `location` (a bucket's median log residual) kept after shrinking it towards 0 by
 * how well the origins agree on it: `location * max(0, 1 - (c * se)^2 / location^2)`, where `se`
 * is the standard error of the origins' own medians `perOrigin` over `independent`
 * non-overlapping windows (positive-part James-Stein) and `c` the small-sample factor
 * {@link studentOneSigma} at `min(origins, independent) - 1` degrees of freedom: `se` is itself
 * estimated from those few windows, and two windows that happen to agree are weak evidence. A
 * shift the origins agree on (demand growing faster than the baseline follows) is kept whole;
 * one that is noise between a few origins (a 2-week series has a handful) is dropped rather than
 * moving every quantile by it.
 */
export function shrinkLocation(location: number, perOrigin: readonly number[], independent: number): number {
  const k = perOrigin.length;
  if (k < 2 || location === 0) return k < 2 ? 0 : location;
  const mean = perOrigin.reduce((a, v) => a + v, 0) / k;
  const variance = perOrigin.reduce((a, v) => a + (v - mean) ** 2, 0) / (k - 1);
  const windows = Math.max(1, Math.min(k, independent));
  const c = studentOneSigma(windows - 1);
  const se2 = (c * c * variance) / windows;
  return location * Math.max(0, 1 - se2 / (location * location));
}

/**
 * The quantile of Student's t with `dof` degrees of freedom at the level one standard normal
 * deviation covers (Phi(1) = 0.8413): 1.837 at 1, 1.321 at 2, 1.111 at 5, 1.053 at 10, towards 1.
 * Fisher's expansion of the t quantile in powers of 1/dof at z = 1 (Abramowitz & Stegun 26.7.5),
 * within 0.03 of the exact value at 1 degree of freedom and 0.002 from 2 on; `dof` below 1 counts as 1.
 */
export function studentOneSigma(dof: number): number {
  const v = Math.max(1, dof);
  return 1 + 0.5 / v + 0.25 / v ** 2 + 0.0625 / v ** 3 - 0.00573 / v ** 4;
}
