import { checkAlignedFinite, type NumericArray } from '../metric-input.ts';
import { calendarDayKey } from './calendar-day.ts';
import { mape } from './mape.ts';

/** Input of {@link dailyAggregateMape}. */
export interface DailyAggregateMapeInput {
  /** UTC epoch milliseconds of each point (hourly or finer). */
  timestamps: NumericArray;
  /** Observed values, aligned with `timestamps`. */
  actual: NumericArray;
  /** Forecast values, aligned with `timestamps`. */
  forecast: NumericArray;
  /** IANA zone whose calendar days group the points. Default `UTC`. */
  timeZone?: string;
  /** How a day's points combine: `sum` (default, e.g. requests per day) or `mean` (e.g. utilisation). */
  aggregation?: 'sum' | 'mean';
}

/**
 * MAPE of daily totals, in percent: group the points into calendar days of `timeZone`, combine
 * actual and forecast alike (sum by default), then take {@link mape} over the days (days whose
 * actual total is 0 are skipped, as in `mape`). A day only partly covered by the input is
 * compared over the hours it has, so actual and forecast always cover the same hours.
 */
export function dailyAggregateMape(input: DailyAggregateMapeInput): number {
  const { timestamps, actual, forecast } = input;
  const n = checkAlignedFinite('dailyAggregateMape', { timestamps, actual, forecast });
  const dayOf = calendarDayKey(input.timeZone ?? 'UTC');
  const days = new Map<string | number, { actual: number; forecast: number; count: number }>();
  for (let i = 0; i < n; i++) {
    const key = dayOf(timestamps[i]!);
    let day = days.get(key);
    if (day === undefined) {
      day = { actual: 0, forecast: 0, count: 0 };
      days.set(key, day);
    }
    day.actual += actual[i]!;
    day.forecast += forecast[i]!;
    day.count += 1;
  }
  const mean = input.aggregation === 'mean';
  const dailyActual: number[] = [];
  const dailyForecast: number[] = [];
  for (const day of days.values()) {
    dailyActual.push(mean ? day.actual / day.count : day.actual);
    dailyForecast.push(mean ? day.forecast / day.count : day.forecast);
  }
  return mape(dailyActual, dailyForecast);
}
