import { DAY_MS } from '@cdf/core';

/** Steps of `stepMs` in a day, rounded, at least 1 (24 at 1h, 288 at 5min, 1 at a daily step or coarser). */
export function stepsPerDay(stepMs: number): number {
  return Math.max(1, Math.round(DAY_MS / stepMs));
}
