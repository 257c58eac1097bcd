/**
 * A continuous distribution given by quantiles on a grid of levels (ascending both), linear
 * between knots and extended past the first and last knot by the slope of the end segment down
 * to level 0 and up to level 1. The normal (non-spike) part of the demand distribution.
 */
export class ResidualDistribution {
  readonly #levels: number[];
  readonly #values: number[];

  /** `levels` in (0, 1) ascending; `values` the quantile at each, non-decreasing. */
  constructor(levels: readonly number[], values: readonly number[]) {
    const n = levels.length;
    const lo = extrapolate(values[0]!, values[1] ?? values[0]!, levels[0]!, levels[1] ?? levels[0]!, 0);
    const hi = extrapolate(
      values[n - 1]!,
      values[n - 2] ?? values[n - 1]!,
      levels[n - 1]!,
      levels[n - 2] ?? levels[n - 1]!,
      1,
    );
    this.#levels = [0, ...levels, 1];
    this.#values = [lo, ...values, hi];
  }

  /** Smallest and largest value with positive density. */
  get support(): [number, number] {
    return [this.#values[0]!, this.#values[this.#values.length - 1]!];
  }

  /** The quantile at `level` in [0, 1] (linear between knots: exact at the stored levels). */
  quantile(level: number): number {
    const L = this.#levels;
    const V = this.#values;
    if (level <= 0) return V[0]!;
    if (level >= 1) return V[V.length - 1]!;
    let k = 1;
    while (L[k]! < level) k++;
    const l0 = L[k - 1]!;
    const l1 = L[k]!;
    return V[k - 1]! + ((V[k]! - V[k - 1]!) * (level - l0)) / (l1 - l0);
  }

  /** P(Z <= z): the inverse of {@link quantile} (at a tie of values, the highest level). */
  cdf(z: number): number {
    const L = this.#levels;
    const V = this.#values;
    if (z < V[0]!) return 0;
    if (z >= V[V.length - 1]!) return 1;
    let lo = 0;
    let hi = V.length - 1;
    // Largest k with V[k] <= z.
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (V[mid]! <= z) lo = mid;
      else hi = mid;
    }
    const v0 = V[lo]!;
    const v1 = V[lo + 1]!;
    if (v1 === v0) return L[lo]!;
    return L[lo]! + ((L[lo + 1]! - L[lo]!) * (z - v0)) / (v1 - v0);
  }
}

/** The value at `target` level on the line through (l0, v0) and (l1, v1); v0 if the line is flat or undefined. */
function extrapolate(v0: number, v1: number, l0: number, l1: number, target: number): number {
  if (l1 === l0) return v0;
  const slope = (v1 - v0) / (l1 - l0);
  return v0 + slope * (target - l0);
}
