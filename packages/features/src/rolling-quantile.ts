/**
 * Trailing rolling quantile `q` (0..1) over `window` steps including point `i`, skipping NaN
 * (missing) points; NaN when fewer than `minCount` points are observed. The quantile is the
 * linear interpolation between order statistics (numpy's default, Hyndman-Fan type 7).
 *
 * The window is kept sorted in a typed array: binary search to insert the entering value and to
 * find the leaving one, then one `copyWithin` memmove. That is O(n * window) moves in the worst
 * case but tight and cache-friendly for the windows features use (up to a week of hours).
 */
export function rollingQuantile(x: Float64Array, window: number, q: number, minCount: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const sorted = new Float64Array(Math.max(1, Math.min(window, n)));
  let size = 0;
  for (let i = 0; i < n; i++) {
    const enter = x[i]!;
    const leaveAt = i - window;
    const leave = leaveAt >= 0 ? x[leaveAt]! : Number.NaN;
    if (!Number.isNaN(leave)) {
      const at = lowerBound(sorted, size, leave);
      sorted.copyWithin(at, at + 1, size);
      size--;
    }
    if (!Number.isNaN(enter)) {
      const at = upperBound(sorted, size, enter);
      sorted.copyWithin(at + 1, at, size);
      sorted[at] = enter;
      size++;
    }
    out[i] = size >= minCount && size > 0 ? quantileOfSorted(sorted, size, q) : Number.NaN;
  }
  return out;
}

/** Type-7 quantile of the first `size` values of an ascending array. */
export function quantileOfSorted(sorted: ArrayLike<number>, size: number, q: number): number {
  const pos = q * (size - 1);
  const lo = Math.floor(pos);
  const frac = pos - lo;
  const a = sorted[lo]!;
  return frac === 0 ? a : a + (sorted[lo + 1]! - a) * frac;
}

function lowerBound(a: Float64Array, size: number, v: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, size: number, v: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
