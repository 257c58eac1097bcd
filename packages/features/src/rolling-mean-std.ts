/** Trailing rolling mean and sample standard deviation of one series. */
export interface RollingMeanStd {
  mean: Float64Array;
  std: Float64Array;
}

/**
 * Trailing rolling mean and sample standard deviation (n - 1) over `window` steps that include
 * point `i` itself: points `i - window + 1 .. i`. NaN points are missing and skipped; a window
 * with fewer than `minCount` observed points gives NaN (and the std needs at least 2).
 *
 * One pass with Welford's update for each point entering and leaving the window, so the cost is
 * O(n) whatever the window, and point `i` is computed from points `<= i` only.
 */
export function rollingMeanStd(x: Float64Array, window: number, minCount: number): RollingMeanStd {
  const n = x.length;
  const mean = new Float64Array(n);
  const std = new Float64Array(n);
  let count = 0;
  let mu = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const enter = x[i]!;
    if (!Number.isNaN(enter)) {
      count++;
      const d = enter - mu;
      mu += d / count;
      m2 += d * (enter - mu);
    }
    const leaveAt = i - window;
    if (leaveAt >= 0) {
      const leave = x[leaveAt]!;
      if (!Number.isNaN(leave)) {
        count--;
        if (count === 0) {
          mu = 0;
          m2 = 0;
        } else {
          const d = leave - mu;
          mu -= d / count;
          m2 -= d * (leave - mu);
          if (m2 < 0) m2 = 0;
        }
      }
    }
    const enough = count >= minCount && count > 0;
    mean[i] = enough ? mu : Number.NaN;
    std[i] = enough && count >= 2 ? Math.sqrt(m2 / (count - 1)) : Number.NaN;
  }
  return { mean, std };
}
