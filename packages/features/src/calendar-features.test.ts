import { CdfError, MINUTE_MS } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFeatures } from './calendar-features.ts';
import { featureColumn } from './feature-matrix.ts';
import { holidayCalendar, isHoliday } from './holidays.ts';
import { civilFromDays, localCalendar } from './local-time.ts';

const NY = 'America/New_York';
const at = (...iso: string[]) => Float64Array.from(iso.map((s) => Date.parse(s)));
const flag = (name: string, zone: string, ...iso: string[]) =>
  Array.from(featureColumn(calendarFeatures(at(...iso), zone), name));

describe('localCalendar', () => {
  it('follows New York local time across the 2024 DST transitions', () => {
    const local = localCalendar(
      at(
        '2024-03-10T06:00:00Z',
        '2024-03-10T07:00:00Z',
        '2024-11-03T05:00:00Z',
        '2024-11-03T06:00:00Z',
        '2024-11-03T07:00:00Z',
      ),
      NY,
    );
    // 01:00 EST then 03:00 EDT (02:00 does not exist); 01:00 EDT then 01:00 EST again, then 02:00
    expect(Array.from(local.hour)).toEqual([1, 3, 1, 1, 2]);
    expect(Array.from(local.day)).toEqual([10, 10, 3, 3, 3]);
    expect(Array.from(local.dayOfWeek)).toEqual([6, 6, 6, 6, 6]); // Sundays
  });

  it('finds a half-hour transition inside a UTC hour (Australia/Adelaide)', () => {
    const local = localCalendar(
      at('2024-04-06T16:25:00Z', '2024-04-06T16:30:00Z', '2024-10-05T16:25:00Z', '2024-10-05T16:30:00Z'),
      'Australia/Adelaide',
    );
    expect(Array.from(local.hour).map((h) => Math.round(h * 60))).toEqual([
      2 * 60 + 55,
      2 * 60,
      60 + 55,
      3 * 60,
    ]);
    expect(Array.from(local.day)).toEqual([7, 7, 6, 6]);
  });

  it('agrees with Intl at random instants and zones', () => {
    const zones = ['UTC', NY, 'Europe/London', 'Asia/Kolkata', 'Australia/Adelaide', 'Pacific/Chatham'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1995, 0, 1) / MINUTE_MS, max: Date.UTC(2035, 0, 1) / MINUTE_MS }),
        fc.constantFrom(...zones),
        (minute, zone) => {
          const t = minute * MINUTE_MS;
          const local = localCalendar(Float64Array.of(t), zone);
          const parts = Object.fromEntries(
            new Intl.DateTimeFormat('en-US', {
              timeZone: zone,
              hourCycle: 'h23',
              year: 'numeric',
              month: 'numeric',
              day: 'numeric',
              hour: 'numeric',
              minute: 'numeric',
              weekday: 'short',
            })
              .formatToParts(t)
              .map((p) => [p.type, p.value]),
          );
          expect(local.year[0]).toBe(Number(parts.year));
          expect(local.month[0]).toBe(Number(parts.month));
          expect(local.day[0]).toBe(Number(parts.day));
          expect(local.hour[0]).toBeCloseTo(Number(parts.hour) + Number(parts.minute) / 60, 9);
          expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][local.dayOfWeek[0]!]).toBe(parts.weekday);
        },
      ),
      { numRuns: 400, seed: 42 },
    );
  });

  it('agrees with Intl every 5 minutes around DST transitions', () => {
    const windows: [string, string][] = [
      [NY, '2024-03-09T12:00:00Z'],
      [NY, '2024-11-02T12:00:00Z'],
      ['Australia/Adelaide', '2024-04-06T00:00:00Z'],
      ['Australia/Adelaide', '2024-10-05T00:00:00Z'],
      ['Pacific/Chatham', '2024-04-06T00:00:00Z'],
      ['Europe/London', '2024-10-26T12:00:00Z'],
    ];
    for (const [zone, from] of windows) {
      const times = Float64Array.from({ length: 2 * 288 }, (_, i) => Date.parse(from) + i * 5 * MINUTE_MS);
      const local = localCalendar(times, zone);
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        hour: 'numeric',
        minute: 'numeric',
        day: 'numeric',
      });
      times.forEach((t, i) => {
        const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, Number(p.value)]));
        expect(Math.round(local.hour[i]! * 60), `${zone} ${new Date(t).toISOString()}`).toBe(
          parts.hour! * 60 + parts.minute!,
        );
        expect(local.day[i]).toBe(parts.day);
      });
    }
  });

  it('converts day counts to civil dates', () => {
    expect(civilFromDays(0)).toEqual([1970, 1, 1]);
    expect(civilFromDays(Date.UTC(2024, 1, 29) / 86_400_000)).toEqual([2024, 2, 29]);
    expect(civilFromDays(-1)).toEqual([1969, 12, 31]);
  });
});

describe('calendarFeatures', () => {
  it('business hours follow New York local time across the March transition', () => {
    // Friday 2024-03-08 is EST (UTC-5): 09:00 local is 14:00Z
    expect(
      flag(
        'is_business_hours',
        NY,
        '2024-03-08T13:00:00Z',
        '2024-03-08T14:00:00Z',
        '2024-03-08T21:00:00Z',
        '2024-03-08T22:00:00Z',
      ),
    ).toEqual([0, 1, 1, 0]);
    // Monday 2024-03-11 is EDT (UTC-4): 09:00 local is 13:00Z, 17:00 local is 21:00Z
    expect(
      flag(
        'is_business_hours',
        NY,
        '2024-03-11T12:00:00Z',
        '2024-03-11T13:00:00Z',
        '2024-03-11T20:00:00Z',
        '2024-03-11T21:00:00Z',
      ),
    ).toEqual([0, 1, 1, 0]);
  });

  it('business hours follow New York local time across the November transition', () => {
    // Friday 2024-11-01 is EDT: 13:00Z is 09:00
    expect(
      flag('is_business_hours', NY, '2024-11-01T12:00:00Z', '2024-11-01T13:00:00Z', '2024-11-01T21:00:00Z'),
    ).toEqual([0, 1, 0]);
    // Monday 2024-11-04 is EST: 13:00Z is 08:00, 14:00Z is 09:00, 22:00Z is 17:00
    expect(
      flag(
        'is_business_hours',
        NY,
        '2024-11-04T13:00:00Z',
        '2024-11-04T14:00:00Z',
        '2024-11-04T21:00:00Z',
        '2024-11-04T22:00:00Z',
      ),
    ).toEqual([0, 1, 1, 0]);
    // in UTC the same instants are simply 13..22 h on a Monday
    expect(
      flag(
        'is_business_hours',
        'UTC',
        '2024-11-04T08:59:00Z',
        '2024-11-04T09:00:00Z',
        '2024-11-04T16:59:00Z',
      ),
    ).toEqual([0, 1, 1]);
  });

  it('weekend starts at local midnight', () => {
    // Saturday 2024-03-09 00:00 EST is 05:00Z; Monday 2024-03-11 00:00 EDT is 04:00Z
    expect(
      flag(
        'is_weekend',
        NY,
        '2024-03-09T04:00:00Z',
        '2024-03-09T05:00:00Z',
        '2024-03-11T03:00:00Z',
        '2024-03-11T04:00:00Z',
      ),
    ).toEqual([0, 1, 1, 0]);
  });

  it('flags holidays on the local date', () => {
    expect(
      flag('is_holiday', NY, '2024-12-25T04:59:00Z', '2024-12-25T05:00:00Z', '2024-07-04T12:00:00Z'),
    ).toEqual([0, 1, 1]);
    expect(
      flag('is_holiday', 'UTC', '2024-12-25T04:59:00Z', '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z'),
    ).toEqual([1, 1, 0]);
    const custom = calendarFeatures(
      at('2024-11-28T15:00:00Z', '2025-05-01T12:00:00Z', '2024-12-25T12:00:00Z'),
      'UTC',
      {
        holidays: holidayCalendar({ us: false, custom: ['2024-11-28', '05-01'] }),
      },
    );
    expect(Array.from(featureColumn(custom, 'is_holiday'))).toEqual([1, 1, 0]);
  });

  it('flags the last 7 local days of each quarter', () => {
    expect(
      flag(
        'is_end_of_quarter',
        'UTC',
        '2024-03-24T23:00:00Z',
        '2024-03-25T00:00:00Z',
        '2024-03-31T23:00:00Z',
        '2024-04-01T00:00:00Z',
        '2024-06-23T12:00:00Z',
        '2024-06-24T00:00:00Z',
        '2024-12-25T12:00:00Z',
        '2024-02-29T12:00:00Z',
      ),
    ).toEqual([0, 1, 1, 0, 0, 1, 1, 0]);
    // 2024-04-01T02:00Z is still March 31 in New York
    expect(flag('is_end_of_quarter', NY, '2024-04-01T02:00:00Z', '2024-04-01T04:00:00Z')).toEqual([1, 0]);
  });

  it('encodes hour, day of week and month on the unit circle', () => {
    const m = calendarFeatures(at('2024-03-11T13:30:00Z', '2024-01-07T00:00:00Z'), NY);
    // 09:30 EDT on a Monday in March
    expect(featureColumn(m, 'hour_sin')[0]).toBeCloseTo(Math.sin((2 * Math.PI * 9.5) / 24), 12);
    expect(featureColumn(m, 'hour_cos')[0]).toBeCloseTo(Math.cos((2 * Math.PI * 9.5) / 24), 12);
    expect(featureColumn(m, 'dow_sin')[0]).toBeCloseTo(0, 12);
    expect(featureColumn(m, 'dow_cos')[0]).toBeCloseTo(1, 12);
    expect(featureColumn(m, 'month_sin')[0]).toBeCloseTo(Math.sin((2 * Math.PI * 2) / 12), 12);
    // 2024-01-07T00:00Z is Saturday 19:00 in New York, January
    expect(featureColumn(m, 'dow_sin')[1]).toBeCloseTo(Math.sin((2 * Math.PI * 5) / 7), 12);
    expect(featureColumn(m, 'month_cos')[1]).toBeCloseTo(1, 12);
  });
});

describe('holidays', () => {
  it('knows the fixed-date US holidays and custom dates', () => {
    expect(isHoliday({ year: 2024, month: 7, day: 4 })).toBe(true);
    expect(isHoliday({ year: 2030, month: 6, day: 19 })).toBe(true);
    expect(isHoliday({ year: 2024, month: 11, day: 28 })).toBe(false); // Thanksgiving floats: not built in
    const cal = holidayCalendar({ custom: ['2024-11-28'] });
    expect(isHoliday({ year: 2024, month: 11, day: 28 }, cal)).toBe(true);
    expect(isHoliday({ year: 2025, month: 11, day: 28 }, cal)).toBe(false);
    expect(isHoliday({ year: 2024, month: 12, day: 25 }, holidayCalendar({ us: false }))).toBe(false);
  });

  it('rejects a malformed custom date with a CdfError', () => {
    expect(() => holidayCalendar({ custom: ['2024-13-01'] })).toThrow(CdfError);
    expect(() => holidayCalendar({ custom: ['Nov 28'] })).toThrow(/invalid holiday date "Nov 28"/);
  });
});
