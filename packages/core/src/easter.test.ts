import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter.ts';

describe('easterSunday', () => {
  it('matches published Western Easter dates, including the earliest and latest possible', () => {
    // dates from the US Naval Observatory's table of Easter dates
    expect(easterSunday(2024)).toEqual([3, 31]);
    expect(easterSunday(2025)).toEqual([4, 20]);
    expect(easterSunday(2026)).toEqual([4, 5]);
    expect(easterSunday(2019)).toEqual([4, 21]);
    expect(easterSunday(2285)).toEqual([3, 22]); // earliest possible date
    expect(easterSunday(2038)).toEqual([4, 25]); // latest possible date
  });
});
