/**
 * NAB's scaled sigmoid `2 / (1 + e^(5x)) - 1` of a relative position `x` (`nab/sweeper.py`):
 * about 0.987 at the left edge of a window (`x = -1`), 0 at its right edge, about -0.987 one
 * window length after it, and exactly -1 from three window lengths on (`x >= 3`).
 */
export function nabScaledSigmoid(relativePosition: number): number {
  if (relativePosition >= 3) return -1;
  return 2 / (1 + Math.exp(5 * relativePosition)) - 1;
}
