import type { QuantileParams } from './quantile-params.ts';

/**
 * Fewest points of history of a calibration origin by the stage's own rule: `minHistoryShare`
 * of the `n` points, or `horizon` when not even the latest origin (`n - horizon` points) has
 * that share.
 */
export function calibrationMinHistory(n: number, horizon: number, p: QuantileParams): number {
  const share = Math.ceil(p.minHistoryShare * n);
  return n - horizon >= share ? Math.max(horizon, share) : horizon;
}

/** Where the calibration backtest puts its origins. */
export interface CalibrationOriginPlan {
  /** How many origins, `p.originStride` apart, the latest ending its horizon at the last point. */
  origins: number;
  /** Fewest points of history an origin keeps (older origins are left out). */
  minHistory: number;
  /** Set when fewer than `p.origins` origins fit: how many, and what the earliest keeps. */
  note?: string;
}

/**
 * The calibration origins for `n` points: as many of `p.origins` as leave the earliest one the
 * history it needs, the stage's own rule ({@link calibrationMinHistory}: half the history) or the
 * `baselineMinHistory` points the caller's baseline needs to fit, whichever is more. So the
 * backtest never asks the baseline for a fit it cannot make. When not even the latest origin has
 * what the baseline needs, the latest alone is kept (by the stage's own rule) and the baseline
 * is tried there.
 */
export function calibrationOriginPlan(
  n: number,
  horizon: number,
  p: QuantileParams,
  baselineMinHistory = 0,
): CalibrationOriginPlan {
  const stageNeeds = calibrationMinHistory(n, horizon, p);
  const needed = Math.max(baselineMinHistory, stageNeeds);
  const fit = Math.floor((n - horizon - needed) / p.originStride) + 1;
  if (fit >= p.origins) return { origins: p.origins, minHistory: needed };
  const origins = Math.max(1, fit);
  const why =
    stageNeeds > baselineMinHistory
      ? `half the history (${needed} points), like the final fit on all of it; the baseline needs ${baselineMinHistory}`
      : `the ${baselineMinHistory} points the baseline needs`;
  return {
    origins,
    minHistory: fit >= 1 ? needed : stageNeeds,
    note: `${origins} calibration origins (of ${p.origins}): the earliest keeps ${why}`,
  };
}
