import type { ScenarioRow } from '@cdf/core';

/** Probability mass between two demand levels, spread evenly (a point mass when `lo === hi`). */
export interface DemandSegment {
  readonly lo: number;
  readonly hi: number;
  readonly mass: number;
}

/**
 * The demand distribution of one forecast step, built from its quantiles alone:
 *
 * - between neighbouring quantiles (p50, p75, p90, p95, p99) the CDF is linear, i.e. the mass
 *   between them (0.25, 0.15, 0.05, 0.04) is spread evenly;
 * - below p50 the 0.5 of mass is spread evenly over `[max(0, p50 - 2 (p75 - p50)), p50]`, the
 *   p50..p75 density continued down (clipped at zero demand);
 * - above p99 the last 0.01 is an exponential tail, `P(D > x) = 0.01 exp(-(x - p99) / s)`, with
 *   `s = (p99 - p95) / ln 5`: the exponential that also passes through `P(D > p95) = 0.05`.
 *   Spikes are heavy-tailed, so the tail is unbounded rather than cut at p99. When p99 = p95 the
 *   tail is a point mass at p99.
 *
 * Equal neighbouring quantiles give point masses, so degenerate (deterministic) rows work.
 */
export interface DemandDistribution {
  readonly segments: readonly DemandSegment[];
  /** Where the exponential tail starts (p99). */
  readonly tailStart: number;
  /** Mean excess of the tail (`s` above); 0 for a point mass. */
  readonly tailScale: number;
  /** Mass of the tail (0.01). */
  readonly tailMass: number;
}

/** The quantile columns a distribution is built from. */
export type QuantileRow = Pick<ScenarioRow, 'p50' | 'p75' | 'p90' | 'p95' | 'p99'>;

const TAIL_MASS = 0.01;

/** Build the piecewise-linear (plus exponential tail) distribution of one step from its quantiles. */
export function demandDistribution(row: QuantileRow): DemandDistribution {
  const { p50, p75, p90, p95, p99 } = row;
  const lo = Math.max(0, p50 - 2 * (p75 - p50));
  return {
    segments: [
      { lo, hi: p50, mass: 0.5 },
      { lo: p50, hi: p75, mass: 0.25 },
      { lo: p75, hi: p90, mass: 0.15 },
      { lo: p90, hi: p95, mass: 0.05 },
      { lo: p95, hi: p99, mass: 0.04 },
    ],
    tailStart: p99,
    tailScale: (p99 - p95) / Math.log(5),
    tailMass: TAIL_MASS,
  };
}

/** P(D > c): the chance demand exceeds a capacity `c` (same unit as the quantiles). */
export function exceedanceProbability(d: DemandDistribution, c: number): number {
  let p = 0;
  for (const { lo, hi, mass } of d.segments) {
    if (c < lo) p += mass;
    else if (c < hi) p += (mass * (hi - c)) / (hi - lo);
  }
  if (c < d.tailStart) p += d.tailMass;
  else if (d.tailScale > 0) p += d.tailMass * Math.exp(-(c - d.tailStart) / d.tailScale);
  return p;
}

/** E[max(D - c, 0)]: expected demand above a capacity `c` (the shortfall), in the demand's unit. */
export function expectedShortfall(d: DemandDistribution, c: number): number {
  let e = 0;
  for (const { lo, hi, mass } of d.segments) {
    if (c <= lo) e += mass * ((lo + hi) / 2 - c);
    else if (c < hi) e += (mass * (hi - c) ** 2) / (2 * (hi - lo));
  }
  if (c < d.tailStart) e += d.tailMass * (d.tailStart + d.tailScale - c);
  else if (d.tailScale > 0) e += d.tailMass * d.tailScale * Math.exp(-(c - d.tailStart) / d.tailScale);
  return e;
}

/** E[D]: the mean demand of the distribution. */
export function meanDemand(d: DemandDistribution): number {
  let m = 0;
  for (const { lo, hi, mass } of d.segments) m += (mass * (lo + hi)) / 2;
  return m + d.tailMass * (d.tailStart + d.tailScale);
}

/** E[max(c - D, 0)]: expected capacity left idle, from `c - E[D] + E[max(D - c, 0)]`. */
export function expectedIdle(d: DemandDistribution, c: number): number {
  return Math.max(0, c - meanDemand(d) + expectedShortfall(d, c));
}
