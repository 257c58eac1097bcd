import { DAY_MS, easterSunday } from '@cdf/core';
import { type LocalDate, parseHolidayDate } from './holidays.ts';

/** A named holiday: the local date it falls on in a given year (fixed or floating). */
export interface HolidayRule {
  /** Stable name, the key learned effects are kept under (`Thanksgiving`). */
  readonly name: string;
  /** Month (1..12) and day of the holiday in `year`. */
  dateIn(year: number): { month: number; day: number };
  /**
   * A holiday nearly all business traffic notices (the year-end days, Thanksgiving, New Year's
   * Day, Independence Day). A model that cannot measure it in a history (every occurrence hidden
   * under a spike or missing) may assume it behaves like the holidays it did measure.
   */
  readonly major?: boolean;
}

/** Day of the week of a date, 0 = Monday .. 6 = Sunday (as `localCalendar`). */
function weekdayOf(year: number, month: number, day: number): number {
  const days = Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
  return (((days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The `n`-th (1-based) `weekday` (0 = Monday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): { month: number; day: number } {
  const first = weekdayOf(year, month, 1);
  return { month, day: 1 + ((weekday - first + 7) % 7) + 7 * (n - 1) };
}

/** The last `weekday` (0 = Monday) of a month. */
function lastWeekday(year: number, month: number, weekday: number): { month: number; day: number } {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekdayOf(year, month, lastDay);
  return { month, day: lastDay - ((last - weekday + 7) % 7) };
}

/** A date `offset` days from a month and day of `year`. */
function shifted(year: number, date: { month: number; day: number }, offset: number) {
  const moved = new Date(Date.UTC(year, date.month - 1, date.day + offset));
  return { month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

const fixed = (name: string, month: number, day: number, major = false): HolidayRule => ({
  name,
  dateIn: () => ({ month, day }),
  ...(major ? { major } : {}),
});

/**
 * The US business calendar: the eleven federal holidays (on their date, not the observed
 * weekday) plus the days US business demand commonly moves on: Good Friday (a market holiday),
 * the day after Thanksgiving, Christmas Eve and New Year's Eve. A model that learns holiday
 * effects learns each one's own effect (none, for a holiday a platform does not notice); the
 * six marked `major` are assumed noticed where the history could not measure them.
 */
export const US_HOLIDAY_RULES: readonly HolidayRule[] = Object.freeze([
  fixed("New Year's Day", 1, 1, true),
  { name: 'Martin Luther King Jr. Day', dateIn: (y: number) => nthWeekday(y, 1, 0, 3) },
  { name: "Presidents' Day", dateIn: (y: number) => nthWeekday(y, 2, 0, 3) },
  {
    name: 'Good Friday',
    dateIn: (y: number) => {
      const [month, day] = easterSunday(y);
      return shifted(y, { month, day }, -2);
    },
  },
  { name: 'Memorial Day', dateIn: (y: number) => lastWeekday(y, 5, 0) },
  fixed('Juneteenth', 6, 19),
  fixed('Independence Day', 7, 4, true),
  { name: 'Labor Day', dateIn: (y: number) => nthWeekday(y, 9, 0, 1) },
  { name: 'Columbus Day', dateIn: (y: number) => nthWeekday(y, 10, 0, 2) },
  fixed('Veterans Day', 11, 11),
  { name: 'Thanksgiving', dateIn: (y: number) => nthWeekday(y, 11, 3, 4), major: true },
  { name: 'Day after Thanksgiving', dateIn: (y: number) => shifted(y, nthWeekday(y, 11, 3, 4), 1) },
  fixed('Christmas Eve', 12, 24, true),
  fixed('Christmas Day', 12, 25, true),
  fixed("New Year's Eve", 12, 31, true),
]);

/**
 * Rules for custom dates: `MM-DD` recurs every year, `YYYY-MM-DD` is one day (named after its
 * text, so each custom date learns its own effect). Throws INVALID_CONFIG on bad text.
 */
export function customHolidayRules(dates: readonly string[]): HolidayRule[] {
  return dates.map((text) => {
    const { year, month, day } = parseHolidayDate(text);
    // a one-off date exists only in its year: other years get month 0, which no date matches
    return {
      name: text,
      dateIn: (y: number) => (year !== 0 && y !== year ? { month: 0, day: 0 } : { month, day }),
    };
  });
}

/**
 * The names of the holidays on each local date of `year`, keyed `month * 100 + day`. Two rules
 * may share a date (a custom date on Christmas): both names are listed.
 */
export function holidaysOfYear(year: number, rules: readonly HolidayRule[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const rule of rules) {
    const { month, day } = rule.dateIn(year);
    if (month === 0) continue;
    const key = month * 100 + day;
    const names = out.get(key);
    if (names) names.push(rule.name);
    else out.set(key, [rule.name]);
  }
  return out;
}

/** The holidays of `rules` on a local date (an empty list on an ordinary day). */
export function holidayNamesOn(date: LocalDate, rules: readonly HolidayRule[]): string[] {
  return holidaysOfYear(date.year, rules).get(date.month * 100 + date.day) ?? [];
}
