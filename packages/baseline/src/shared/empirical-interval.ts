/** Lower and upper offsets of an empirical interval. */
export interface IntervalOffsets {
  lower: number;
  upper: number;
}

/**
 * The `(1 - level) / 2` and `(1 + level) / 2` quantiles of the finite residuals (linear
 * interpolation between order statistics), or zeros when there are none.
 */
export function residualOffsets(residuals: ArrayLike<number>, level: number): IntervalOffsets {
  const finite: number[] = [];
  for (let i = 0; i < residuals.length; i++) {
    const r = residuals[i]!;
    if (Number.isFinite(r)) finite.push(r);
  }
  if (finite.length === 0) return { lower: 0, upper: 0 };
  finite.sort((a, b) => a - b);
  return { lower: quantile(finite, (1 - level) / 2), upper: quantile(finite, (1 + level) / 2) };
}

function quantile(sorted: number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * An interval around `point` from residual quantiles, widened by `widen(h)` at step h
 * (1-based) and clipped at zero since demand is never negative.
 */
export function empiricalInterval(
  point: Float64Array,
  offsets: IntervalOffsets,
  widen: (h: number) => number = () => 1,
): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(point.length);
  const upper = new Float64Array(point.length);
  for (let i = 0; i < point.length; i++) {
    const w = widen(i + 1);
    lower[i] = Math.max(0, point[i]! + offsets.lower * w);
    upper[i] = Math.max(lower[i]!, point[i]! + offsets.upper * w);
  }
  return { lower, upper };
}
