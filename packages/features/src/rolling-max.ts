/**
 * Trailing rolling maximum over `window` steps including point `i` (points `i - window + 1 .. i`),
 * skipping NaN (missing) points; NaN when fewer than `minCount` points of the window are observed.
 *
 * A monotonic deque of indices whose values decrease from front to back: each index enters and
 * leaves once, so the whole pass is O(n).
 */
export function rollingMax(x: Float64Array, window: number, minCount: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0; // deque holds deque[head .. tail - 1]
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (!Number.isNaN(v)) {
      count++;
      while (tail > head && x[deque[tail - 1]!]! <= v) tail--;
      deque[tail++] = i;
    }
    const leaveAt = i - window;
    if (leaveAt >= 0) {
      const leave = x[leaveAt]!;
      if (!Number.isNaN(leave)) count--;
      while (tail > head && deque[head]! <= leaveAt) head++;
    }
    out[i] = count >= minCount && count > 0 ? x[deque[head]!]! : Number.NaN;
  }
  return out;
}
