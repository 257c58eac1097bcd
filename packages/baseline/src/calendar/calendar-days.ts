import { DAY_MS } from '@cdf/core';
import { type HolidayRule, holidaysOfYear, localCalendar } from '@cdf/features';

/** One local calendar day of a series: its points and what kind of day it is. */
export interface CalendarDay {
  /** Local date as days since 1970-01-01 (for "a week earlier" arithmetic). */
  dayNumber: number;
  /** Index of its first point. */
  start: number;
  /** Points it holds (a whole day at the series' step, fewer at the ends or across DST). */
  length: number;
  /** Holiday key: its name, or names joined by " + " when rules share the date; "" if none. */
  holiday: string;
  /** One of its holidays is `major` (assumed noticed where a history cannot measure it). */
  major: boolean;
  /** Saturday or Sunday (local). */
  weekend: boolean;
  /** Days left in the quarter, the day itself included (1 = last day); 0 outside the last `quarterEndDays`. */
  quarterEnd: number;
}

/** Which days count as special: a holiday calendar and the length of the quarter-end run. */
export interface CalendarDayRules {
  holidays: readonly HolidayRule[];
  /** The last this many days of each quarter are each their own kind of day (0: none). */
  quarterEndDays: number;
  /** Learn month- and quarter-phase cycles too (`learnPhaseCycles`). Default true. */
  phaseCycles?: boolean;
  /** IANA zone the local dates are read in. */
  timeZone: string;
}

/**
 * Split `timestamps` (ascending epoch ms) into local days and label each with its holiday and
 * quarter-end position. Consecutive points on the same local date form one day.
 */
export function calendarDays(timestamps: Float64Array, rules: CalendarDayRules): CalendarDay[] {
  const local = localCalendar(timestamps, rules.timeZone);
  const byYear = new Map<number, Map<number, string[]>>();
  const major = new Set(rules.holidays.filter((rule) => rule.major === true).map((rule) => rule.name));
  const days: CalendarDay[] = [];
  for (let i = 0; i < timestamps.length; i++) {
    const year = local.year[i]!;
    const month = local.month[i]!;
    const day = local.day[i]!;
    const dayNumber = Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
    const last = days[days.length - 1];
    if (last !== undefined && last.dayNumber === dayNumber) {
      last.length++;
      continue;
    }
    let holidays = byYear.get(year);
    if (holidays === undefined) {
      holidays = holidaysOfYear(year, rules.holidays);
      byYear.set(year, holidays);
    }
    const names = holidays.get(month * 100 + day) ?? [];
    days.push({
      dayNumber,
      start: i,
      length: 1,
      holiday: names.join(' + '),
      major: names.some((name) => major.has(name)),
      weekend: local.dayOfWeek[i]! >= 5,
      quarterEnd: quarterEndPosition(year, month, day, rules.quarterEndDays),
    });
  }
  return days;
}

/** Days left in the quarter (1 on its last day) when within the last `span` days, else 0. */
export function quarterEndPosition(year: number, month: number, day: number, span: number): number {
  if (month % 3 !== 0) return 0;
  const left = new Date(Date.UTC(year, month, 0)).getUTCDate() - day + 1;
  return left <= span ? left : 0;
}
