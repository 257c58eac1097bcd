import { median } from '@cdf/core';
/**
 * The "usual" level of each point, to measure a spike's magnitude against: the median of the
 * observed, non-spike values at the same phase one to four seasons (`season` steps, a week of
 * hours by default) before; if none of those is usable, the median of the observed non-spike
 * values in the trailing season; else NaN. Causal: point `i` looks only at points before it.
 */
export function robustBaseline(
  values: Float64Array,
  anomalies: Uint8Array,
  filled: Uint8Array,
  season: number,
): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const pick: number[] = [];
  for (let i = 0; i < n; i++) {
    pick.length = 0;
    for (let k = 1; k <= 4; k++) {
      const j = i - k * season;
      if (j < 0) break;
      if (anomalies[j] === 0 && filled[j] === 0) pick.push(values[j]!);
    }
    if (pick.length === 0) {
      for (let j = Math.max(0, i - season); j < i; j++) {
        if (anomalies[j] === 0 && filled[j] === 0) pick.push(values[j]!);
      }
    }
    if (pick.length > 0) out[i] = median(pick);
  }
  return out;
}
