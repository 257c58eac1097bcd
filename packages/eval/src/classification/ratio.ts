/**
 * `numerator / denominator`, or 0 when the denominator is 0. The classification metrics use this
 * convention (scikit-learn's `zero_division=0`): no predictions means precision 0, no positives
 * means recall 0, so an empty detector never looks perfect.
 */
export function ratioOrZero(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
