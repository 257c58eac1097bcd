import { type BaselinePlugin, WEEK_MS } from '@cdf/core';
import { resolveQuantileParams } from '@cdf/quantile';

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
 * `origins`, as many of its default origins as leave the earliest one `minHistory` points of
 * history to refit the baseline on (at least one). The calibration backtest then never asks the
 * baseline for a fit it cannot make. Other quantile plug-ins get their parameters unchanged.
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
  const fit = Math.floor((points - horizon - minHistory) / resolved.originStride) + 1;
  const origins = Math.max(1, Math.min(resolved.origins, fit));
  if (origins === resolved.origins) return { params };
  return {
    params: { ...params, origins },
    note: `${origins} calibration origins (of ${resolved.origins}): the earliest keeps the ${minHistory} points the baseline needs`,
  };
}
