import { DAY_MS } from '@cdf/core';
import { seasonPoints } from '../shared/seasonal-period.ts';

/** The seasonal periods (points) MSTL would use at this step, before checking the history length. */
export function candidatePeriods(stepMs: number, requested?: readonly number[]): number[] {
  if (requested) return [...requested].sort((a, b) => a - b);
  if (stepMs < DAY_MS) return [seasonPoints(stepMs, 'day'), seasonPoints(stepMs, 'week')];
  if (stepMs === DAY_MS) return [7];
  return [];
}

/** The periods the history can support: each needs at least two full cycles. */
export function usablePeriods(stepMs: number, length: number, requested?: readonly number[]): number[] {
  return candidatePeriods(stepMs, requested).filter((p) => length >= 2 * p);
}

/** Minimum history: two cycles of the shortest period, and at least 10 points. */
export function mstlMinHistory(stepMs: number, requested?: readonly number[]): number {
  const periods = candidatePeriods(stepMs, requested);
  return Math.max(10, periods.length > 0 ? 2 * periods[0]! : 0);
}
