import { easterSunday as easterDate } from '@cdf/core';
import { civilFromDays, daysFromCivil } from './local-calendar.ts';

/**
 * The holidays the synthetic generator observes, by local date. A small, fixed, documented list
 * (US-flavoured, as the seed system used): demand on these days is lower by
 * {@link HOLIDAY_FACTOR}.
 */
export const SYNTHETIC_HOLIDAYS = [
  "New Year's Day (Jan 1)",
  'Good Friday (two days before Easter Sunday)',
  'Independence Day (Jul 4)',
  'Thanksgiving (fourth Thursday of November)',
  'Christmas Eve (Dec 24)',
  'Christmas Day (Dec 25)',
  "New Year's Eve (Dec 31)",
] as const;

/** Demand on a holiday as a multiple of an ordinary weekday's (weekends are not lowered twice). */
export const HOLIDAY_FACTOR = 0.6;

const easterCache = new Map<number, number>();

/** Day number (days since 1970-01-01) of Western Easter Sunday (`@cdf/core`'s `easterSunday`). */
export function easterSunday(year: number): number {
  const cached = easterCache.get(year);
  if (cached !== undefined) return cached;
  const [month, day] = easterDate(year);
  const dayNumber = daysFromCivil(year, month, day);
  easterCache.set(year, dayNumber);
  return dayNumber;
}

/**
 * The name of the holiday on a local date, or undefined. `weekday` is 0 = Sunday .. 6 = Saturday.
 */
export function holidayOn(year: number, month: number, day: number, weekday: number): string | undefined {
  if (month === 1 && day === 1) return "New Year's Day";
  if (month === 7 && day === 4) return 'Independence Day';
  if (month === 11 && weekday === 4 && day >= 22 && day <= 28) return 'Thanksgiving';
  if (month === 12 && day === 24) return 'Christmas Eve';
  if (month === 12 && day === 25) return 'Christmas Day';
  if (month === 12 && day === 31) return "New Year's Eve";
  if (month === 3 || month === 4) {
    const goodFriday = civilFromDays(easterSunday(year) - 2);
    if (goodFriday.month === month && goodFriday.day === day) return 'Good Friday';
  }
  return undefined;
}
