/** Horizons (steps) the level regressor trains on: dense near the origin, sparse far out. */
const GRID = [
  1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 21, 24, 30, 36, 42, 48, 60, 72, 84, 96, 108, 120, 132, 144, 156, 168,
];

/**
 * The training horizons up to `horizon`: the grid below it, then every 24 steps past 168, and
 * `horizon` itself. With `horizon_hours` a feature, the trees serve the horizons in between.
 */
export function trainingHorizons(horizon: number): number[] {
  const out = GRID.filter((h) => h < horizon);
  for (let h = 192; h < horizon; h += 24) out.push(h);
  out.push(horizon);
  return out;
}

/**
 * Origin stride so that `points / stride * horizons <= maxRows`, at least 1, and coprime with 24
 * (so origins visit every hour of the day rather than a few).
 */
export function originStride(points: number, horizons: number, maxRows: number): number {
  let stride = Math.max(1, Math.ceil((points * horizons) / maxRows));
  while (gcd(stride, 24) !== 1) stride++;
  return stride;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
