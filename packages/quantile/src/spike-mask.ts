import { median, robustSd, type Series } from '@cdf/core';

/** Which weeks a point is compared with: the two before and after it, or unmasked ones before it. */
export type SpikeMaskWindow = 'centred' | 'causal';

/** Weeks before and after a point the centred mask compares it with. */
const CENTRED_WEEKS = [-2, -1, 1, 2] as const;
/** Weeks before a point the causal mask's first cut is measured on. */
const CAUSAL_WEEKS = [-3, -2, -1] as const;
/** How far back the causal mask looks for unmasked points of the same phase, in seasons. */
const CAUSAL_LOOKBACK = 4;

/**
 * A simple spike mask for when the caller passes none: a point is a spike when its log value
 * sits more than `threshold` robust standard deviations and at least log 1.5 above the median of
 * the same hour of the week (the same phase of the day when the series is shorter than three
 * weeks) in the weeks it is compared with:
 *
 * - `centred` (default): the two weeks before and after it. It only picks which training targets
 *   and residuals count as normal demand, never a feature.
 * - `causal`: the last three *unmasked* points of the same phase in the four seasons before it,
 *   so a mask cut at any origin is the mask computed there. A multi-day 3x burst right after a
 *   launch is measured against normal weeks, not the launch, and masked whole; a lasting level
 *   shift stops being masked after at most three weeks (when fewer than two unmasked points are
 *   left to compare with, the point counts as normal). Only the cut is measured on the whole
 *   series.
 */
export function robustSpikeMask(
  series: Series,
  threshold = 4,
  window: SpikeMaskWindow = 'centred',
): Uint8Array {
  const n = series.values.length;
  const stepsPerDay = Math.max(1, Math.round(86_400_000 / series.stepMs));
  const season = n >= 21 * stepsPerDay ? 7 * stepsPerDay : stepsPerDay;
  const logs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = series.values[i]!;
    logs[i] = series.filled[i] === 1 || !(v > 0) ? Number.NaN : Math.log(v);
  }
  const weeks = window === 'causal' ? CAUSAL_WEEKS : CENTRED_WEEKS;
  const excess = excessOver(logs, (i, take) => {
    for (const k of weeks) take(i + k * season);
  });
  const mask = new Uint8Array(n);
  if (window === 'centred') {
    const cut = excessCut(excess, threshold, 'mad');
    for (let i = 0; i < n; i++) if (excess[i]! > cut) mask[i] = 1;
    return mask;
  }
  // the first cut, against raw weeks, takes its spread from the lower quartile of deviations (a
  // weeks-long launch and the weeks compared with it can hold half the points); then it is
  // measured again on the excesses against unmasked weeks, until it settles
  let cut = excessCut(excess, threshold, 'quartile');
  for (let round = 0; round < 3 && Number.isFinite(cut); round++) {
    const causal = causalMask(logs, season, cut);
    mask.set(causal.mask);
    const next = excessCut(causal.excess, threshold, 'mad');
    if (!Number.isFinite(next) || next === cut) break;
    cut = next;
  }
  return mask;
}

/**
 * Each point's log value less the median of the log values `pick` offers (at least two; NaN
 * otherwise). `pick(i, take)` calls `take(j)` for each index j to compare point i with.
 */
function excessOver(logs: Float64Array, pick: (i: number, take: (j: number) => void) => void): Float64Array {
  const n = logs.length;
  const excess = new Float64Array(n).fill(Number.NaN);
  const picked: number[] = [];
  const take = (j: number) => {
    if (j >= 0 && j < n && !Number.isNaN(logs[j]!)) picked.push(logs[j]!);
  };
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(logs[i]!)) continue;
    picked.length = 0;
    pick(i, take);
    if (picked.length >= 2) excess[i] = logs[i]! - median(picked);
  }
  return excess;
}

/** The causal mask at one cut, in time order: each point against the last three unmasked of its phase. */
function causalMask(
  logs: Float64Array,
  season: number,
  cut: number,
): { mask: Uint8Array; excess: Float64Array } {
  const n = logs.length;
  const mask = new Uint8Array(n);
  const excess = new Float64Array(n).fill(Number.NaN);
  const picked: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(logs[i]!)) continue;
    picked.length = 0;
    for (let j = i - season; j >= 0 && j >= i - CAUSAL_LOOKBACK * season && picked.length < 3; j -= season) {
      if (mask[j] === 0 && !Number.isNaN(logs[j]!)) picked.push(logs[j]!);
    }
    if (picked.length < 2) continue;
    excess[i] = logs[i]! - median(picked);
    if (excess[i]! > cut) mask[i] = 1;
  }
  return { mask, excess };
}

/** The lower quartile of the absolute deviations from `centre` / 0.3186 (the SD for normal data). */
function lowerQuartileSd(values: readonly number[], centre: number): number {
  const deviations = values.map((v) => Math.abs(v - centre)).sort((a, b) => a - b);
  return deviations[Math.floor(0.25 * (deviations.length - 1))]! / 0.3186;
}

/**
 * `threshold` robust spreads above the median excess, at least log 1.5; NaN when none is finite.
 * The spread is 1.4826 x the median absolute deviation (`mad`), or the lower quartile of the
 * absolute deviations / 0.3186 (`quartile`: also the SD for normal data, and unmoved by up to
 * 75% outliers).
 */
function excessCut(excess: Float64Array, threshold: number, spread: 'mad' | 'quartile'): number {
  const finite = Array.from(excess).filter((v) => !Number.isNaN(v));
  if (finite.length === 0) return Number.NaN;
  const centre = median(finite);
  const sd = spread === 'mad' ? robustSd(finite, centre) : lowerQuartileSd(finite, centre);
  return Math.max(Math.log(1.5), centre + threshold * sd);
}
