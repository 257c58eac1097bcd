import type { Series } from '@cdf/core';
import { type CalendarEffects, describeEffect, learnCalendarEffects } from '../calendar/calendar-effects.ts';
import { calendarDayRules } from '../calendar/calendar-params.ts';
import type { EnsembleParams } from './ensemble-params.ts';

/** The ensemble's calendar: learned effects (undefined when off), their history multipliers and notes. */
export interface EnsembleCalendar {
  effects: CalendarEffects | undefined;
  /** Multiplier of each history point (1 where no effect is kept). */
  multipliers: Float64Array;
  /** One line naming the effects kept, when any. */
  notes: string[];
}

/**
 * Learn the calendar effects the ensemble divides out of `series` (with planned-event multipliers
 * `events` already known): none when `params.calendar` is null.
 */
export function ensembleCalendar(
  params: EnsembleParams,
  series: Series,
  skip: Uint8Array,
  events: Float64Array,
): EnsembleCalendar {
  const n = series.values.length;
  if (params.calendar === null)
    return { effects: undefined, multipliers: new Float64Array(n).fill(1), notes: [] };
  const values = Float64Array.from(series.values, (v, i) => v / events[i]!);
  const effects = learnCalendarEffects(
    series.timestamps,
    values,
    skip,
    calendarDayRules(params.calendar, series.timeZone),
  );
  const kept = [
    ...effects.effects.map((e) => `${describeEffect(e)} x${e.multiplier.toFixed(2)}`),
    ...effects.cycles.map(
      (c) => `${c.period} cycle +-${(100 * (Math.exp(Math.hypot(c.cos, c.sin)) - 1)).toFixed(1)}%`,
    ),
  ];
  return {
    effects,
    multipliers: effects.inHistory,
    notes: kept.length > 0 ? [`calendar effects learned from the history: ${kept.join(', ')}`] : [],
  };
}
