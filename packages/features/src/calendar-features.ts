import type { FeatureMatrix } from './feature-matrix.ts';
import { FEATURE_SPEC, type FeatureSpec } from './feature-spec.ts';
import { DEFAULT_HOLIDAYS, type HolidayCalendar, isHoliday } from './holidays.ts';
import { daysInMonth, localCalendar } from './local-time.ts';

/** Names of the calendar features, in column order. */
export const CALENDAR_FEATURE_NAMES: readonly string[] = Object.freeze([
  'hour_sin',
  'hour_cos',
  'dow_sin',
  'dow_cos',
  'month_sin',
  'month_cos',
  'is_weekend',
  'is_business_hours',
  'is_holiday',
  'is_end_of_quarter',
]);

/** Options of {@link calendarFeatures}. */
export interface CalendarOptions {
  /** Holiday calendar for `is_holiday`. Default: the fixed-date US holidays. */
  holidays?: HolidayCalendar;
  /** Local business hours. Default 9..17 (`FEATURE_SPEC.businessHours`). */
  businessHours?: FeatureSpec['businessHours'];
  /** Days at the end of a quarter flagged by `is_end_of_quarter`. Default 7. */
  endOfQuarterDays?: number;
}

const TAU = 2 * Math.PI;

/**
 * Calendar features of each instant in `timestamps` (epoch ms), in the local time of the IANA
 * zone `timeZone` (DST-correct; see {@link localCalendar}): cyclical hour of day (minutes
 * included), day of week (Monday = 0) and month encodings, and the weekend, business-hours
 * (Monday..Friday, `start <= local hour < end`), holiday and end-of-quarter flags (0 or 1).
 * These use nothing but the clock, so they are known for any future instant.
 * Row `i` of the result has origin `i` (an index into `timestamps`).
 */
export function calendarFeatures(
  timestamps: Float64Array,
  timeZone: string,
  options: CalendarOptions = {},
): FeatureMatrix {
  const holidays = options.holidays ?? DEFAULT_HOLIDAYS;
  const business = options.businessHours ?? FEATURE_SPEC.businessHours;
  const quarterDays = options.endOfQuarterDays ?? FEATURE_SPEC.endOfQuarterDays;
  const local = localCalendar(timestamps, timeZone);
  const n = timestamps.length;
  const columns = CALENDAR_FEATURE_NAMES.map(() => new Float64Array(n));
  const [hourSin, hourCos, dowSin, dowCos, monthSin, monthCos, weekend, businessHours, holiday, quarterEnd] =
    columns as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
  for (let i = 0; i < n; i++) {
    const hour = local.hour[i]!;
    const dow = local.dayOfWeek[i]!;
    const year = local.year[i]!;
    const month = local.month[i]!;
    const day = local.day[i]!;
    hourSin[i] = Math.sin((TAU * hour) / 24);
    hourCos[i] = Math.cos((TAU * hour) / 24);
    dowSin[i] = Math.sin((TAU * dow) / 7);
    dowCos[i] = Math.cos((TAU * dow) / 7);
    monthSin[i] = Math.sin((TAU * (month - 1)) / 12);
    monthCos[i] = Math.cos((TAU * (month - 1)) / 12);
    const isWeekend = dow >= 5;
    weekend[i] = isWeekend ? 1 : 0;
    businessHours[i] = !isWeekend && hour >= business.start && hour < business.end ? 1 : 0;
    holiday[i] = isHoliday({ year, month, day }, holidays) ? 1 : 0;
    quarterEnd[i] = month % 3 === 0 && day > daysInMonth(year, month) - quarterDays ? 1 : 0;
  }
  const origins = new Int32Array(n);
  for (let i = 0; i < n; i++) origins[i] = i;
  return { names: CALENDAR_FEATURE_NAMES, columns, rows: n, origins, notes: [] };
}
