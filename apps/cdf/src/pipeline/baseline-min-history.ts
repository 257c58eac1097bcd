import { type BaselinePlugin, WEEK_MS } from '@cdf/core';

/**
 * The history a baseline needs, in points: its declared `capabilities.minHistory` (every
 * @cdf/baseline estimator declares one), else two weeks of steps. The quantile stage is told it,
 * so that its calibration origins never ask the baseline for a fit it cannot make.
 */
export function baselineMinHistory(plugin: BaselinePlugin, params: unknown, stepMs: number): number {
  const estimator = plugin.create(params) as { capabilities?: { minHistory?: (stepMs: number) => number } };
  const declared = estimator.capabilities?.minHistory?.(stepMs);
  return declared !== undefined && Number.isFinite(declared) ? declared : Math.ceil((2 * WEEK_MS) / stepMs);
}
