/** The median of the finite values (NaN when there are none). */
export function median(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = finite.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

/** Theil-Sen slope of `values` against their index: the median of every pairwise slope. */
export function theilSenSlope(values: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i]!;
      const b = values[j]!;
      if (Number.isFinite(a) && Number.isFinite(b)) slopes.push((b - a) / (j - i));
    }
  }
  return slopes.length === 0 ? 0 : median(slopes);
}

/** Sum of `damping^k` for k = 1..x, continued to fractional x: the damped trend's reach. */
export function dampedReach(damping: number, x: number): number {
  if (damping === 1) return x;
  if (damping === 0) return 0;
  return (damping * (1 - damping ** x)) / (1 - damping);
}
