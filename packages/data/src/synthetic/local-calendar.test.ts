import { CdfError, DAY_MS, HOUR_MS } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { civilFromDays, createLocalCalendar, daysFromCivil } from './local-calendar.ts';

const at = (iso: string) => Date.parse(iso);

describe('createLocalCalendar', () => {
  it('follows New York across both 2023 daylight-saving transitions, to the minute', () => {
    const ny = createLocalCalendar('America/New_York');
    expect(ny.offsetMs(at('2023-01-15T12:00:00Z'))).toBe(-5 * HOUR_MS);
    expect(ny.offsetMs(at('2023-07-15T12:00:00Z'))).toBe(-4 * HOUR_MS);
    // Spring forward: 02:00 EST (07:00Z) becomes 03:00 EDT.
    expect(ny.offsetMs(at('2023-03-12T06:59:00Z'))).toBe(-5 * HOUR_MS);
    expect(ny.offsetMs(at('2023-03-12T07:00:00Z'))).toBe(-4 * HOUR_MS);
    expect(ny.localTime(at('2023-03-12T07:00:00Z')).hour).toBe(3);
    // Fall back: 02:00 EDT (06:00Z) becomes 01:00 EST.
    expect(ny.offsetMs(at('2023-11-05T05:59:00Z'))).toBe(-4 * HOUR_MS);
    expect(ny.offsetMs(at('2023-11-05T06:00:00Z'))).toBe(-5 * HOUR_MS);
    expect(ny.localTime(at('2023-11-05T06:00:00Z')).hour).toBe(1);
  });

  it('agrees with Intl for every hour of a year in several zones', () => {
    for (const zone of ['Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Sao_Paulo', 'UTC']) {
      const calendar = createLocalCalendar(zone);
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        weekday: 'short',
      });
      const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
      // Every 7 hours across 2018, so every hour of the day and every weekday is visited.
      for (let t = at('2018-01-01T00:00:00Z'); t < at('2019-01-01T00:00:00Z'); t += 7 * HOUR_MS) {
        const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
        const local = calendar.localTime(t);
        expect([local.year, local.month, local.day, Math.floor(local.hour), weekdays[local.weekday]]).toEqual(
          [Number(parts.year), Number(parts.month), Number(parts.day), Number(parts.hour), parts.weekday],
        );
        expect(Math.round((local.hour % 1) * 60)).toBe(Number(parts.minute));
      }
    }
  });

  it('throws a CdfError naming an unknown zone', () => {
    try {
      createLocalCalendar('Mars/Olympus_Mons');
      expect.unreachable();
    } catch (error) {
      expect(CdfError.isInstance(error)).toBe(true);
      expect((error as CdfError).code).toBe('INVALID_CONFIG');
      expect((error as CdfError).location.value).toBe('Mars/Olympus_Mons');
    }
  });
});

describe('civilFromDays', () => {
  it('inverts daysFromCivil and agrees with Date from 1600 to 2400', () => {
    for (let day = daysFromCivil(1600, 1, 1); day < daysFromCivil(2400, 1, 1); day += 37) {
      const date = new Date(day * DAY_MS);
      const civil = civilFromDays(day);
      expect(civil).toEqual({
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
      });
      expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(day);
    }
  });
});
