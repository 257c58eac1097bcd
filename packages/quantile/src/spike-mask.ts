import type { Series } from '@cdf/core';

/**
 * A simple spike mask for when the caller passes none: a point is a spike when its log value
 * sits more than `threshold` robust standard deviations (1.4826 MAD) and at least log 1.5 above
 * the median of the same hour of the week in the four weeks around it (the same phase of the
 * day when the series is shorter than three weeks). Centred, not causal: it only picks which
 * training targets and residuals count as normal demand, never a feature.
 */
export function robustSpikeMask(series: Series, threshold = 4): Uint8Array {
  const n = series.values.length;
  const stepsPerDay = Math.max(1, Math.round(86_400_000 / series.stepMs));
  const season = n >= 21 * stepsPerDay ? 7 * stepsPerDay : stepsPerDay;
  const logs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = series.values[i]!;
    logs[i] = series.filled[i] === 1 || !(v > 0) ? Number.NaN : Math.log(v);
  }
  const excess = new Float64Array(n).fill(Number.NaN);
  const pick: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(logs[i]!)) continue;
    pick.length = 0;
    for (let k = -2; k <= 2; k++) {
      const j = i + k * season;
      if (k !== 0 && j >= 0 && j < n && !Number.isNaN(logs[j]!)) pick.push(logs[j]!);
    }
    if (pick.length >= 2) excess[i] = logs[i]! - median(pick);
  }
  const finite = Array.from(excess).filter((v) => !Number.isNaN(v));
  const mask = new Uint8Array(n);
  if (finite.length === 0) return mask;
  const centre = median(finite);
  const mad = median(finite.map((v) => Math.abs(v - centre)));
  const cut = Math.max(Math.log(1.5), centre + threshold * 1.4826 * mad);
  for (let i = 0; i < n; i++) if (excess[i]! > cut) mask[i] = 1;
  return mask;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
