import type { FittedBaseline, Series } from '@cdf/core';
import type { BaselineCalendar, PointForecaster } from './stage-contracts.ts';

/**
 * `{ calendar }` for a quantile stage's fit input or scenario request: the fitted baseline's
 * `calendarMultipliers` bound to it, or nothing when the baseline has no calendar of its own.
 */
export function calendarOf(baseline: FittedBaseline): { calendar?: BaselineCalendar } {
  const multipliers = baseline.calendarMultipliers;
  if (typeof multipliers !== 'function') return {};
  return { calendar: (timestamps) => multipliers.call(baseline, timestamps) };
}

/** The baseline refitted at each calibration origin, as the quantile stage asks for it. */
export interface OriginBaseline {
  /** The baseline fitted on `train` alone, forecasting `horizon` steps. */
  forecaster: PointForecaster;
  /** The calendar the baseline fitted on `train` alone learned (undefined: it has none). */
  calendarFor: (train: Series) => Promise<BaselineCalendar | undefined>;
}

/**
 * The forecaster and the per-origin calendar of a baseline refitted on each calibration origin's
 * history by `fit`. Both read the same fit: the last one is kept, so an origin's baseline is
 * fitted once when the stage asks for its forecast and its calendar in turn. Each `train` must
 * be a prefix of one series (as calibration origins are): its length names it.
 */
export function originBaseline(fit: (train: Series) => Promise<FittedBaseline>): OriginBaseline {
  let last: { points: number; fitted: Promise<FittedBaseline> } | undefined;
  const fittedOn = (train: Series): Promise<FittedBaseline> => {
    if (last?.points !== train.values.length) last = { points: train.values.length, fitted: fit(train) };
    return last.fitted;
  };
  return {
    forecaster: async (train, horizon) => (await fittedOn(train)).predict({ horizon }).point,
    calendarFor: async (train) => calendarOf(await fittedOn(train)).calendar,
  };
}
