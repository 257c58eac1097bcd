import { describe, expect, it } from 'vitest';
import { easterSunday, holidayOn } from './holidays.ts';
import { daysFromCivil } from './local-calendar.ts';

describe('holidays', () => {
  it('computes Western Easter Sunday (published dates)', () => {
    expect(easterSunday(2000)).toBe(daysFromCivil(2000, 4, 23));
    expect(easterSunday(2019)).toBe(daysFromCivil(2019, 4, 21));
    expect(easterSunday(2024)).toBe(daysFromCivil(2024, 3, 31));
    expect(easterSunday(2025)).toBe(daysFromCivil(2025, 4, 20));
  });

  it('finds the fixed and moving holidays and nothing else', () => {
    // 2023: Thanksgiving Nov 23 (Thursday = 4), Good Friday Apr 7 (Friday = 5).
    expect(holidayOn(2023, 11, 23, 4)).toBe('Thanksgiving');
    expect(holidayOn(2023, 11, 16, 4)).toBeUndefined();
    expect(holidayOn(2023, 4, 7, 5)).toBe('Good Friday');
    expect(holidayOn(2024, 3, 29, 5)).toBe('Good Friday');
    expect(holidayOn(2023, 7, 4, 2)).toBe('Independence Day');
    expect(holidayOn(2023, 12, 25, 1)).toBe('Christmas Day');
    expect(holidayOn(2023, 1, 1, 0)).toBe("New Year's Day");
    let count = 0;
    for (let day = daysFromCivil(2023, 1, 1); day < daysFromCivil(2024, 1, 1); day++) {
      const date = new Date(day * 86_400_000);
      if (holidayOn(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay()))
        count++;
    }
    expect(count).toBe(7);
  });
});
