/**
 * The split-conformal quantile of `sorted` (ascending, finite) at `level`: the
 * `ceil((n + 1) * level)`-th smallest value, clamped to the largest. For exchangeable residuals
 * a new one falls at or below it with probability at least `level` (Vovk et al.; Lei et al. 2018);
 * the clamp (n too small for the level) is the one case where that guarantee is lost.
 * Levels at or below 1 / (n + 1) give the smallest value. Empty input gives NaN.
 */
export function conformalQuantile(sorted: ArrayLike<number>, level: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = Math.ceil((n + 1) * level);
  const index = Math.min(n, Math.max(1, rank)) - 1;
  return sorted[index]!;
}
