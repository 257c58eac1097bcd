import { customHolidayRules, parseHolidayDate, US_HOLIDAY_RULES } from '@cdf/features';
import { z } from 'zod';
import type { CalendarDayRules } from './calendar-days.ts';

/** True when `text` is a custom holiday date `parseHolidayDate` reads. */
function readableDate(text: string): boolean {
  try {
    parseHolidayDate(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Calendar effects a baseline learns from history (see `learnCalendarEffects`): which holiday
 * calendar, extra dates, how many days before each quarter's end count as their own kind of
 * day, and whether month and quarter cycles are learned. `null` turns calendar effects off.
 */
export const CalendarParamsSchema = z
  .object({
    /** `us`: US federal holidays plus Good Friday, the day after Thanksgiving, Dec 24 and Dec 31. */
    holidays: z.enum(['us', 'none']).default('us'),
    /** Extra dates, `MM-DD` every year or `YYYY-MM-DD` once; each learns its own effect. */
    customHolidays: z
      .array(
        z.string().refine(readableDate, { message: 'expected MM-DD (every year) or YYYY-MM-DD (one day)' }),
      )
      .default([]),
    /** The last this many days of each quarter learn their own effect (0: none). */
    quarterEndDays: z.number().int().min(0).max(31).default(7),
    /**
     * Learn a month-phase and a quarter-phase cycle of demand from a year or more of history
     * (`learnPhaseCycles`). Default true.
     */
    phaseCycles: z.boolean().default(true),
  })
  .strict();

/** Parsed calendar parameters. */
export type CalendarParams = z.output<typeof CalendarParamsSchema>;

/** The calendar parameters when none are given. */
export const DEFAULT_CALENDAR_PARAMS: CalendarParams = CalendarParamsSchema.parse({});

/** The day rules of `params` in a series' time zone (throws INVALID_CONFIG on a bad custom date). */
export function calendarDayRules(params: CalendarParams, timeZone: string): CalendarDayRules {
  return {
    holidays: [
      ...(params.holidays === 'us' ? US_HOLIDAY_RULES : []),
      ...customHolidayRules(params.customHolidays),
    ],
    quarterEndDays: params.quarterEndDays,
    phaseCycles: params.phaseCycles,
    timeZone,
  };
}
