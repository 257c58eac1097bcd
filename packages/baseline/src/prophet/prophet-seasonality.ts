import type { ProphetSeasonalityOption } from '@bsull/augurs/prophet';
import { DAY_MS, WEEK_MS } from '@cdf/core';
import type { ProphetParams, SeasonalityChoice } from './prophet-params.ts';

/** The seasonalities Prophet fits, as augurs options, and a note saying which and why. */
export interface ResolvedSeasonality {
  daily: ProphetSeasonalityOption;
  weekly: ProphetSeasonalityOption;
  yearly: ProphetSeasonalityOption;
  note: string;
}

const YEAR_MS = 365.25 * DAY_MS;

/**
 * Daily if the data is sub-daily and spans at least 2 days, weekly if it spans 2 weeks,
 * yearly if 2 years; each overridable by the parameters.
 */
export function resolveSeasonality(
  params: ProphetParams,
  stepMs: number,
  points: number,
): ResolvedSeasonality {
  const span = stepMs * points;
  const auto = {
    daily: stepMs < DAY_MS && span >= 2 * DAY_MS,
    weekly: stepMs < WEEK_MS && span >= 2 * WEEK_MS,
    yearly: span >= 2 * YEAR_MS,
  };
  const chosen: string[] = [];
  const pick = (name: keyof typeof auto, choice: SeasonalityChoice): ProphetSeasonalityOption => {
    const on = choice === 'auto' ? auto[name] : choice !== false;
    if (!on) return { type: 'manual', enabled: false };
    chosen.push(typeof choice === 'number' ? `${name} (order ${choice})` : name);
    return typeof choice === 'number'
      ? { type: 'fourier', order: choice }
      : { type: 'manual', enabled: true };
  };
  const daily = pick('daily', params.seasonality.daily);
  const weekly = pick('weekly', params.seasonality.weekly);
  const yearly = pick('yearly', params.seasonality.yearly);
  const note = `seasonality: ${chosen.length > 0 ? chosen.join(', ') : 'none'}`;
  return { daily, weekly, yearly, note };
}
