/** Runs of consecutive filled points in one series. */
export interface GapStats {
  /** Number of runs of consecutive filled points. */
  runs: number;
  /** Points filled in all. */
  pointsFilled: number;
  /** Length of the longest run, in points (0 without gaps). */
  longestPoints: number;
}

/**
 * Fill the missing (NaN) cells of `column` in place by linear interpolation between the nearest
 * observed neighbours; cells before the first or after the last observation take that value
 * (flat ends). Returns false, leaving the column untouched, when it has no observation at all.
 */
export function interpolateMissing(column: Float64Array): boolean {
  const n = column.length;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const v = column[i]!;
    if (Number.isNaN(v)) continue;
    if (previous === -1) {
      column.fill(v, 0, i);
    } else if (i - previous > 1) {
      const from = column[previous]!;
      const slope = (v - from) / (i - previous);
      for (let j = previous + 1; j < i; j++) column[j] = from + slope * (j - previous);
    }
    previous = i;
  }
  if (previous === -1) return false;
  column.fill(column[previous]!, previous + 1, n);
  return true;
}

/** Count the runs of `filled[i] = 1`, the points filled and the longest run. */
export function gapStats(filled: Uint8Array): GapStats {
  let runs = 0;
  let pointsFilled = 0;
  let longestPoints = 0;
  let current = 0;
  for (let i = 0; i < filled.length; i++) {
    if (filled[i] === 1) {
      if (current === 0) runs++;
      current++;
      pointsFilled++;
      if (current > longestPoints) longestPoints = current;
    } else {
      current = 0;
    }
  }
  return { runs, pointsFilled, longestPoints };
}
