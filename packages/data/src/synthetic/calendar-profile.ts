import { HOLIDAY_FACTOR, holidayOn } from './holidays.ts';
import { daysFromCivil, type LocalTime } from './local-calendar.ts';

/**
 * The shape of ordinary (event-free) demand over the calendar, as multipliers of the trend.
 * Every number here is documented in the package README ("Synthetic data").
 */
export const CALENDAR_PROFILE = {
  /** Daily cycle: `1 + amplitude * cos(2 pi (hour - peakHour) / 24)`, peaking mid business hours. */
  dailyAmplitude: 0.3,
  /** Local hour of the daily peak (the middle of 9:00-17:00). */
  dailyPeakHour: 13,
  /** Saturday and Sunday demand as a multiple of a weekday's. */
  weekendRatio: 0.7,
  /** Monthly cycle: `1 + amplitude * cos(2 pi * fraction of month)`, highest at the turn of the month. */
  monthlyAmplitude: 0.03,
  /** Quarterly cycle: `1 + amplitude * sin(2 pi * fraction of quarter)`. */
  quarterlyAmplitude: 0.04,
  /** End of quarter: demand rises linearly over the last `endOfQuarterDays` days up to `1 + endOfQuarterLift`. */
  endOfQuarterDays: 5,
  endOfQuarterLift: 0.12,
} as const;

// Weekday and weekend factors scaled so that a week averages 1: the trend is the weekly mean.
const WEEKDAY_FACTOR = 7 / (5 + 2 * CALENDAR_PROFILE.weekendRatio);
const WEEKEND_FACTOR = WEEKDAY_FACTOR * CALENDAR_PROFILE.weekendRatio;

/** The calendar factor at an ordinary weekday's daily peak: what a fleet is sized against. */
export const WEEKDAY_PEAK_FACTOR = (1 + CALENDAR_PROFILE.dailyAmplitude) * WEEKDAY_FACTOR;

/**
 * The calendar multiplier of demand at a local time: daily x weekly (or holiday) x monthly x
 * quarterly x end-of-quarter. Deterministic; noise and events are applied elsewhere.
 */
export function calendarFactor(local: LocalTime): number {
  const p = CALENDAR_PROFILE;
  const daily = 1 + p.dailyAmplitude * Math.cos((2 * Math.PI * (local.hour - p.dailyPeakHour)) / 24);

  const weekend = local.weekday === 0 || local.weekday === 6;
  let week = weekend ? WEEKEND_FACTOR : WEEKDAY_FACTOR;
  if (holidayOn(local.year, local.month, local.day, local.weekday) !== undefined) {
    week = Math.min(week, WEEKDAY_FACTOR * HOLIDAY_FACTOR);
  }

  const monthStart = daysFromCivil(local.year, local.month, 1);
  const nextMonthStart = daysFromCivil(local.year, local.month + 1, 1);
  const dayFraction = local.hour / 24;
  const monthFraction = (local.dayNumber - monthStart + dayFraction) / (nextMonthStart - monthStart);
  const monthly = 1 + p.monthlyAmplitude * Math.cos(2 * Math.PI * monthFraction);

  const quarterFirstMonth = local.month - ((local.month - 1) % 3);
  const quarterStart = daysFromCivil(local.year, quarterFirstMonth, 1);
  const quarterEnd = daysFromCivil(local.year, quarterFirstMonth + 3, 1);
  const quarterFraction = (local.dayNumber - quarterStart + dayFraction) / (quarterEnd - quarterStart);
  const quarterly = 1 + p.quarterlyAmplitude * Math.sin(2 * Math.PI * quarterFraction);

  // Days left in the quarter, today included: 1 on the last day.
  const daysLeft = quarterEnd - local.dayNumber;
  const endOfQuarter =
    daysLeft <= p.endOfQuarterDays
      ? 1 + (p.endOfQuarterLift * (p.endOfQuarterDays + 1 - daysLeft)) / p.endOfQuarterDays
      : 1;

  return daily * week * monthly * quarterly * endOfQuarter;
}
