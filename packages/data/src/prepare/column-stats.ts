/** Basic statistics of one numeric column over the rows read (missing cells excluded). */
export interface ColumnStats {
  /** Non-missing cells. */
  count: number;
  /** Missing (empty, NaN) cells. */
  missing: number;
  /** Smallest value, or null without values. */
  min: number | null;
  /** Mean, or null without values. */
  mean: number | null;
  /** Largest value, or null without values. */
  max: number | null;
  /** Population standard deviation, or null without values. */
  std: number | null;
}

/** Running moments of a column (Welford), combinable across series (Chan et al.). */
export interface ColumnMoments {
  count: number;
  missing: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
}

/**
 * Moments of `values` in one pass; NaN cells count as missing. Sums of values shifted by the
 * first value (cheap and, for data of one magnitude, as accurate as Welford's updates).
 */
export function columnMoments(values: Float64Array): ColumnMoments {
  let count = 0;
  let shift = Number.NaN;
  let sum = 0;
  let sumSquares = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (count === 0) shift = v;
    count++;
    const x = v - shift;
    sum += x;
    sumSquares += x * x;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const missing = values.length - count;
  if (count === 0) return { count, missing, mean: 0, m2: 0, min, max };
  const m2 = Math.max(0, sumSquares - (sum * sum) / count);
  return { count, missing, mean: shift + sum / count, m2, min, max };
}

/** Moments of the union of two sets of rows. */
export function combineMoments(a: ColumnMoments, b: ColumnMoments): ColumnMoments {
  const count = a.count + b.count;
  if (count === 0) return { ...a, missing: a.missing + b.missing };
  const delta = b.mean - a.mean;
  return {
    count,
    missing: a.missing + b.missing,
    mean: a.mean + (delta * b.count) / count,
    m2: a.m2 + b.m2 + (delta * delta * a.count * b.count) / count,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
  };
}

/** The JSON-friendly statistics of some moments. */
export function statsOf(moments: ColumnMoments): ColumnStats {
  const { count, missing } = moments;
  if (count === 0) return { count, missing, min: null, mean: null, max: null, std: null };
  return {
    count,
    missing,
    min: moments.min,
    mean: moments.mean,
    max: moments.max,
    std: Math.sqrt(moments.m2 / count),
  };
}
