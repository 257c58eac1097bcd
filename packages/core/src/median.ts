/**
 * Median of the first `n` values of `scratch`, which it reorders (Hoare quickselect, no allocation).
 * NaN when `n` is 0. For an even `n` the mean of the two middle values.
 */
export function medianInPlace(scratch: Float64Array, n: number): number {
  if (n <= 0) return Number.NaN;
  const mid = n >> 1;
  const upper = select(scratch, n, mid);
  if (n % 2 === 1) return upper;
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < mid; i++) if (scratch[i]! > lower) lower = scratch[i]!;
  return (lower + upper) / 2;
}

function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Median of `values` (left untouched; copied once). NaN when empty. */
export function median(values: ArrayLike<number>): number {
  return medianInPlace(Float64Array.from(values), values.length);
}

/**
 * Robust standard deviation: 1.4826 x the median absolute deviation from `centre` (default the
 * median of `values`), the SD for normal data. NaN when empty.
 */
export function robustSd(values: ArrayLike<number>, centre: number = median(values)): number {
  const deviations = Float64Array.from(values, (v) => Math.abs(v - centre));
  return 1.4826 * medianInPlace(deviations, deviations.length);
}
