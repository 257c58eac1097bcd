import { DAY_MS, WEEK_MS } from '@cdf/core';

/** A calendar season a baseline can repeat or model. */
export type Season = 'day' | 'week';

/** Points per season at `stepMs`, at least 1 (a daily step has a 1-point "day"). */
export function seasonPoints(stepMs: number, season: Season): number {
  const span = season === 'day' ? DAY_MS : WEEK_MS;
  return Math.max(1, Math.round(span / stepMs));
}
