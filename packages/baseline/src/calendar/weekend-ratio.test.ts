import { describe, expect, it } from 'vitest';
import { demandSeries } from '../../test/demand-series.ts';
import { calendarDays } from './calendar-days.ts';
import { calendarDayRules, DEFAULT_CALENDAR_PARAMS } from './calendar-params.ts';
import { ordinaryWeekendRatio } from './weekend-ratio.ts';

const rules = calendarDayRules({ ...DEFAULT_CALENDAR_PARAMS, holidays: 'none' }, 'UTC');

function ratioOf(hours: number, skipFrom = hours) {
  const series = demandSeries(hours); // weekends at 75% of a weekday, 3% noise, growth
  const days = calendarDays(series.timestamps, rules);
  const skip = new Uint8Array(hours).fill(1, skipFrom);
  return ordinaryWeekendRatio(
    days,
    series.values,
    skip,
    days.map(() => true),
  );
}

describe('ordinaryWeekendRatio', () => {
  it("measures the weekend's demand as a multiple of the weekdays'", () => {
    expect(ratioOf(10 * 7 * 24)).toBeCloseTo(0.75, 2);
  });

  it('is 1 on fewer than four whole weeks, and leaves skipped days out', () => {
    expect(ratioOf(3 * 7 * 24)).toBe(1);
    // ten weeks of which only the first three are observed
    expect(ratioOf(10 * 7 * 24, 3 * 7 * 24)).toBe(1);
  });
});
