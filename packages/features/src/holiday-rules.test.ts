import { CdfError } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { customHolidayRules, holidayNamesOn, holidaysOfYear, US_HOLIDAY_RULES } from './holiday-rules.ts';

/** `MM-DD` of every US holiday of `year`, by name. */
function datesOf(year: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, names] of holidaysOfYear(year, US_HOLIDAY_RULES)) {
    const text = `${String(Math.floor(key / 100)).padStart(2, '0')}-${String(key % 100).padStart(2, '0')}`;
    for (const name of names) out[name] = text;
  }
  return out;
}

describe('US_HOLIDAY_RULES', () => {
  it('puts the floating holidays on their published 2024 and 2025 dates', () => {
    // dates from the US Office of Personnel Management's federal holiday tables and the NYSE calendar
    expect(datesOf(2024)).toMatchObject({
      'Martin Luther King Jr. Day': '01-15',
      "Presidents' Day": '02-19',
      'Good Friday': '03-29',
      'Memorial Day': '05-27',
      'Labor Day': '09-02',
      'Columbus Day': '10-14',
      Thanksgiving: '11-28',
      'Day after Thanksgiving': '11-29',
    });
    expect(datesOf(2025)).toMatchObject({
      'Martin Luther King Jr. Day': '01-20',
      "Presidents' Day": '02-17',
      'Good Friday': '04-18',
      'Memorial Day': '05-26',
      'Labor Day': '09-01',
      'Columbus Day': '10-13',
      Thanksgiving: '11-27',
    });
    expect(Object.keys(datesOf(2025))).toHaveLength(15);
  });

  it('names the holidays of a date and none on an ordinary day', () => {
    expect(holidayNamesOn({ year: 2024, month: 12, day: 25 }, US_HOLIDAY_RULES)).toEqual(['Christmas Day']);
    expect(holidayNamesOn({ year: 2024, month: 12, day: 26 }, US_HOLIDAY_RULES)).toEqual([]);
  });
});

describe('customHolidayRules', () => {
  it('recurs MM-DD every year and keeps YYYY-MM-DD to its year', () => {
    const rules = customHolidayRules(['03-14', '2025-06-02']);
    expect(holidayNamesOn({ year: 2030, month: 3, day: 14 }, rules)).toEqual(['03-14']);
    expect(holidayNamesOn({ year: 2025, month: 6, day: 2 }, rules)).toEqual(['2025-06-02']);
    expect(holidayNamesOn({ year: 2026, month: 6, day: 2 }, rules)).toEqual([]);
  });

  it('rejects a date that is not MM-DD or YYYY-MM-DD', () => {
    expect(() => customHolidayRules(['12/25'])).toThrow(CdfError);
    expect(() => customHolidayRules(['13-01'])).toThrow(/invalid holiday date "13-01"/);
  });
});
