import { CdfError, CdfErrorCode } from '@cdf/core';

/** A local calendar date. */
export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/**
 * The dates `is_holiday` flags: month-day pairs that recur every year plus one-off dates.
 * Build one with {@link holidayCalendar}.
 */
export interface HolidayCalendar {
  /** Recurring dates as `month * 100 + day` (e.g. 1225 for December 25). */
  readonly recurring: ReadonlySet<number>;
  /** One-off dates as `year * 10000 + month * 100 + day` (e.g. 20241129). */
  readonly dates: ReadonlySet<number>;
}

/**
 * The fixed-date US federal holidays: New Year's Day (Jan 1), Juneteenth (Jun 19), Independence
 * Day (Jul 4), Veterans Day (Nov 11) and Christmas Day (Dec 25), on the date itself (no observed
 * Friday/Monday shift). Floating holidays (MLK Day, Memorial Day, Labor Day, Thanksgiving, ...)
 * are not in it: add them as custom dates.
 */
export const US_FIXED_HOLIDAYS: readonly LocalDate[] = Object.freeze([
  { year: 0, month: 1, day: 1 },
  { year: 0, month: 6, day: 19 },
  { year: 0, month: 7, day: 4 },
  { year: 0, month: 11, day: 11 },
  { year: 0, month: 12, day: 25 },
]);

/** Options of {@link holidayCalendar}. */
export interface HolidayCalendarOptions {
  /** Include {@link US_FIXED_HOLIDAYS}. Default true. */
  us?: boolean;
  /** Extra local dates: `YYYY-MM-DD` for one day, `MM-DD` for a date every year. */
  custom?: readonly string[];
}

/**
 * A custom holiday date: `YYYY-MM-DD` for one day, `MM-DD` for a date every year (`year` 0).
 * Throws a CdfError (INVALID_CONFIG) naming the text otherwise.
 */
export function parseHolidayDate(text: string): LocalDate {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const yearly = /^(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = full
    ? [Number(full[1]), Number(full[2]), Number(full[3])]
    : yearly
      ? [0, Number(yearly[1]), Number(yearly[2])]
      : [0, 0, 0];
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    throw new CdfError(CdfErrorCode.InvalidConfig, `invalid holiday date "${text}"`, {
      column: 'holidays',
      value: text,
      expected: 'YYYY-MM-DD for one date or MM-DD for every year',
    });
  }
  return { year, month, day };
}

/**
 * A holiday calendar: the fixed-date US holidays (unless `us: false`) plus custom dates.
 * Throws a CdfError (INVALID_CONFIG) for a custom date that is not `YYYY-MM-DD` or `MM-DD`.
 */
export function holidayCalendar(options: HolidayCalendarOptions = {}): HolidayCalendar {
  const recurring = new Set<number>();
  const dates = new Set<number>();
  if (options.us ?? true) for (const h of US_FIXED_HOLIDAYS) recurring.add(h.month * 100 + h.day);
  for (const text of options.custom ?? []) {
    const { year, month, day } = parseHolidayDate(text);
    if (year !== 0) dates.add(year * 10000 + month * 100 + day);
    else recurring.add(month * 100 + day);
  }
  return { recurring, dates };
}

/** The default calendar: the fixed-date US holidays only. */
export const DEFAULT_HOLIDAYS: HolidayCalendar = holidayCalendar();

/** True when the local date is a holiday of `calendar` (default: the fixed-date US holidays). */
export function isHoliday(date: LocalDate, calendar: HolidayCalendar = DEFAULT_HOLIDAYS): boolean {
  const md = date.month * 100 + date.day;
  return calendar.recurring.has(md) || calendar.dates.has(date.year * 10000 + md);
}
