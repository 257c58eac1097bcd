/** The most history points the dashboard draws before it downsamples. */
export const MAX_HISTORY_POINTS = 5000;

/**
 * Pick the indices of a long series worth drawing: split the steps into equal buckets and keep,
 * per bucket, the lowest and the highest value (so every peak and trough survives) and, when
 * `marked` is given, the highest marked step (so every anomaly keeps a marker). Indices are
 * returned in time order without duplicates. A series of at most `maxPoints` steps is kept whole.
 *
 * At most `3 * ceil(maxPoints / 2)` indices come back with `marked`, `maxPoints` without.
 */
export function downsampleMinMax(
  values: ArrayLike<number>,
  maxPoints: number,
  marked?: (index: number) => boolean,
): number[] {
  const n = values.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const picked: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let lo = from;
    let hi = from;
    let mark = -1;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (v < values[lo]!) lo = i;
      if (v > values[hi]!) hi = i;
      if (marked?.(i) && (mark < 0 || v > values[mark]!)) mark = i;
    }
    const keep = [lo, hi, mark].filter((i) => i >= 0).sort((a, b) => a - b);
    for (const i of keep) if (picked[picked.length - 1] !== i) picked.push(i);
  }
  return picked;
}
