/**
 * The value `steps` points before each point (`out[i] = x[i - steps]`), NaN before the series
 * starts or where that point is missing (NaN in `x`).
 */
export function lagColumn(x: Float64Array, steps: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(Number.NaN);
  for (let i = steps; i < n; i++) out[i] = x[i - steps]!;
  return out;
}

/**
 * Growth over `steps` points: `x[i] / x[i - steps] - 1`. NaN when either point is missing or the
 * earlier one is zero (growth from nothing is undefined, not infinite).
 */
export function growthColumn(x: Float64Array, steps: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(Number.NaN);
  for (let i = steps; i < n; i++) {
    const now = x[i]!;
    const then = x[i - steps]!;
    if (!Number.isNaN(now) && !Number.isNaN(then) && then !== 0) out[i] = now / then - 1;
  }
  return out;
}

/**
 * A column with its missing points as NaN: points flagged in `filled` (interpolated, never
 * observed) and non-finite values. Every feature of a column reads this copy, so filled points
 * never leak into lags or rolling statistics.
 */
export function observedColumn(x: Float64Array, filled: Uint8Array): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = filled[i] === 0 && Number.isFinite(v) ? v : Number.NaN;
  }
  return out;
}
