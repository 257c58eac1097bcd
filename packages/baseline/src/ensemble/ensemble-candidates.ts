import type { Series } from '@cdf/core';
import { fitMstl } from '../mstl/mstl.ts';
import type { UpdatableBaseline } from '../shared/baseline-kinds.ts';
import { seasonPoints } from '../shared/seasonal-period.ts';
import { type ProfileRule, profileForecast, profileInSample } from './seasonal-profile.ts';

/** Names of the ensemble's candidate forecasters. */
export const ENSEMBLE_CANDIDATES = [
  'seasonal-naive-day',
  'seasonal-naive-week',
  'week-profile-3',
  'week-profile-3-level',
  'week-profile-1-level',
  'day-profile-7',
  'day-profile-7-level',
  'mstl-ets',
] as const;

/** One of {@link ENSEMBLE_CANDIDATES}. */
export type EnsembleCandidateName = (typeof ENSEMBLE_CANDIDATES)[number];

/** How the `mstl-ets` candidate is fitted (the other candidates take no settings). */
export interface MstlSettings {
  /** Points MSTL's forecast is fitted on, the most recent ones. Default: all. */
  window?: number | undefined;
  /** Seasonal periods in points. Default: those the points it is fitted on hold two cycles of. */
  periods?: readonly number[] | undefined;
}

/** A candidate fitted on clean values: forecasts any horizon, gives one-step in-sample values. */
export interface FittedCandidate {
  forecast(horizon: number): Float64Array;
  inSample(): Float64Array;
}

function profileRule(name: EnsembleCandidateName, stepMs: number): ProfileRule | undefined {
  const day = seasonPoints(stepMs, 'day');
  const week = seasonPoints(stepMs, 'week');
  switch (name) {
    case 'seasonal-naive-day':
      return { period: day, cycles: 1, levelWindow: 0 };
    case 'seasonal-naive-week':
      return { period: week, cycles: 1, levelWindow: 0 };
    case 'week-profile-3':
      return { period: week, cycles: 3, levelWindow: 0 };
    case 'week-profile-3-level':
      return { period: week, cycles: 3, levelWindow: day };
    case 'week-profile-1-level':
      return { period: week, cycles: 1, levelWindow: day };
    case 'day-profile-7':
      return { period: day, cycles: 7, levelWindow: 0 };
    case 'day-profile-7-level':
      return { period: day, cycles: 7, levelWindow: day };
    case 'mstl-ets':
      return undefined;
  }
}

/**
 * Fewest points a candidate needs: one season of its profile (plus its level window), or two
 * days for MSTL (its own minimum).
 */
export function candidateMinHistory(name: EnsembleCandidateName, stepMs: number): number {
  const rule = profileRule(name, stepMs);
  if (rule === undefined) return Math.max(10, 2 * seasonPoints(stepMs, 'day'));
  return rule.period + rule.levelWindow;
}

/**
 * Fit one candidate on clean values (events divided out, skipped points filled by phase).
 * `template` gives the step, start and id; MSTL runs on a copy of it with `clean` as values,
 * cut to its last `mstl.window` points when given (its forecast; its in-sample values come from
 * a fit on the whole of `clean`, made only when asked for), with `mstl.periods` when given.
 */
export function fitCandidate(
  name: EnsembleCandidateName,
  clean: Float64Array,
  template: Series,
  mstl: MstlSettings = {},
): FittedCandidate {
  const rule = profileRule(name, template.stepMs);
  if (rule !== undefined) {
    return {
      forecast: (horizon) => profileForecast(clean, horizon, rule),
      inSample: () => profileInSample(clean, rule),
    };
  }
  const start = mstl.window === undefined ? 0 : Math.max(0, clean.length - mstl.window);
  const forecaster = fitMstlOn(clean, start, template, mstl.periods);
  let whole: UpdatableBaseline | undefined = start === 0 ? forecaster : undefined;
  return {
    forecast: (horizon) => forecaster.predict({ horizon }).point,
    inSample: () => {
      whole ??= fitMstlOn(clean, 0, template, mstl.periods);
      return whole.inSample().point;
    },
  };
}

/** MSTL + ETS on `clean` from point `start` on (`periods`: MSTL's default when not given). */
function fitMstlOn(
  clean: Float64Array,
  start: number,
  template: Series,
  periods: readonly number[] | undefined,
): UpdatableBaseline {
  const values = clean.slice(start);
  const series: Series = {
    ...template,
    timestamps: template.timestamps.slice(start, clean.length),
    values,
    filled: new Uint8Array(values.length),
    columns: { [template.target]: values },
  };
  return fitMstl(
    periods === undefined ? {} : { periods: [...periods] },
    series,
    new Uint8Array(values.length),
    [],
  );
}
