import { median } from '@cdf/core';
import type { CalendarDay } from './calendar-days.ts';

/** Weeks with both kinds of ordinary day needed to measure the weekend ratio. */
const MIN_WEEKS = 4;

/**
 * Ordinary weekend demand as a multiple of ordinary weekday demand: per local week (Thursday to
 * Wednesday), the mean of its whole, unskipped, ordinary weekend days over that of its weekdays
 * (at least three), the median over weeks (a trend cancels within a week; a week an undetected
 * event lifted does not move a median). 1 when fewer than four weeks qualify.
 */
export function ordinaryWeekendRatio(
  days: readonly CalendarDay[],
  values: Float64Array,
  skip: Uint8Array,
  ordinary: readonly boolean[],
): number {
  const weeks = new Map<number, { weekday: number[]; weekend: number[] }>();
  const full = Math.max(...days.map((day) => day.length));
  days.forEach((day, d) => {
    if (!ordinary[d] || day.length !== full) return;
    let sum = 0;
    for (let j = day.start; j < day.start + day.length; j++) {
      if (skip[j] === 1) return;
      sum += values[j]!;
    }
    // weeks from Thursday to Wednesday (day 0, 1970-01-01, was a Thursday) put the weekend in
    // the middle of its weekdays, so a trend within the week nearly cancels
    const key = Math.floor(day.dayNumber / 7);
    const week = weeks.get(key) ?? { weekday: [], weekend: [] };
    (day.weekend ? week.weekend : week.weekday).push(sum / day.length);
    weeks.set(key, week);
  });
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
  const ratios: number[] = [];
  for (const { weekday, weekend } of weeks.values()) {
    if (weekday.length >= 3 && weekend.length >= 1 && mean(weekday) > 0)
      ratios.push(mean(weekend) / mean(weekday));
  }
  return ratios.length >= MIN_WEEKS ? median(ratios) : 1;
}
