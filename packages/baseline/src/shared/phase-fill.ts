/**
 * Replace skipped points by the most recent observed value of the same phase (`period`
 * points earlier, then two periods, ...); a point with no observed value of its phase before
 * it takes the nearest observed value in time. Spikes and gaps therefore never leak into
 * models that cannot take missing values (MSTL), and a long masked block becomes a copy of
 * the last clean season rather than a straight line.
 */
export function fillByPhase(values: Float64Array, skip: Uint8Array, period: number): Float64Array {
  const n = values.length;
  const out = Float64Array.from(values);
  const known = new Uint8Array(n);
  for (let i = 0; i < n; i++) known[i] = skip[i] === 0 ? 1 : 0;
  for (let i = 0; i < n; i++) {
    if (known[i] === 1) continue;
    for (let j = i - period; j >= 0; j -= period) {
      if (skip[j] === 0) {
        out[i] = values[j]!;
        known[i] = 1;
        break;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (known[i] === 1) continue;
    const nearest = nearestObserved(skip, i);
    if (nearest >= 0) out[i] = values[nearest]!;
  }
  return out;
}

function nearestObserved(skip: Uint8Array, i: number): number {
  for (let d = 1; d < skip.length; d++) {
    if (i - d >= 0 && skip[i - d] === 0) return i - d;
    if (i + d < skip.length && skip[i + d] === 0) return i + d;
  }
  return -1;
}
