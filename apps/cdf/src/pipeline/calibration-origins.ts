import { type BaselinePlugin, WEEK_MS } from '@cdf/core';
import { calibrationMinHistory, resolveQuantileParams } from '@cdf/quantile';

/** `quantile.use` of @cdf/quantile's conformal stage, whose origins this module fits to the history. */
export const CONFORMAL_QUANTILE_USE = '@cdf/quantile#conformal';

/**
 * The history a baseline needs, in points: its declared `capabilities.minHistory` (every
 * @cdf/baseline estimator declares one), else two weeks of steps.
 */
export function baselineMinHistory(plugin: BaselinePlugin, params: unknown, stepMs: number): number {
  const estimator = plugin.create(params) as { capabilities?: { minHistory?: (stepMs: number) => number } };
  const declared = estimator.capabilities?.minHistory?.(stepMs);
  return declared !== undefined && Number.isFinite(declared) ? declared : Math.ceil((2 * WEEK_MS) / stepMs);
}

/**
 * Parameters for @cdf/quantile's conformal stage on a series of `points`: unless the config sets
 * `origins`, as many of its default origins as leave the earliest one the history it needs: the
 * `minHistory` points the baseline needs to refit, and the stage's own rule
 * (`calibrationMinHistory`: half the history), whichever is more (at least one origin). The
 * calibration backtest then never asks the baseline for a fit it cannot make, and the count in
 * the note is the count the stage uses. Other quantile plug-ins get their parameters unchanged.
 */
export function calibrationParams(
  use: string,
  params: Record<string, unknown>,
  points: number,
  horizon: number,
  minHistory: number,
): { params: Record<string, unknown>; note?: string } {
  if (use !== CONFORMAL_QUANTILE_USE || params.origins !== undefined) return { params };
  const resolved = resolveQuantileParams(params);
  const stageNeeds = calibrationMinHistory(points, horizon, resolved);
  const needed = Math.max(minHistory, stageNeeds);
  const fit = Math.floor((points - horizon - needed) / resolved.originStride) + 1;
  const origins = Math.max(1, Math.min(resolved.origins, fit));
  if (origins === resolved.origins) return { params };
  const why =
    stageNeeds > minHistory
      ? `half the history (${needed} points), like the final fit on all of it; the baseline needs ${minHistory}`
      : `the ${minHistory} points the baseline needs`;
  return {
    params: { ...params, origins },
    note: `${origins} calibration origins (of ${resolved.origins}): the earliest keeps ${why}`,
  };
}
