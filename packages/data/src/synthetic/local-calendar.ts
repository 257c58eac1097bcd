import { CdfError, CdfErrorCode, DAY_MS, HOUR_MS } from '@cdf/core';
import { type ZoneClock, zoneClock } from '../timestamp/zone-clock.ts';

/** The wall-clock reading of an instant in a time zone. */
export interface LocalTime {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  /** 0 = Sunday .. 6 = Saturday. */
  weekday: number;
  /** Hour of day with its fraction: 13.5 is 13:30 local. */
  hour: number;
  /** Days since 1970-01-01 of the local date (a day number, for date arithmetic). */
  dayNumber: number;
}

/** Reads instants as local wall-clock time in one IANA zone, daylight saving included. */
export interface LocalCalendar {
  readonly timeZone: string;
  /** Offset of local time from UTC at `t` in milliseconds (New York in winter: -5 h). */
  offsetMs(t: number): number;
  /** The local date and time of `t`. */
  localTime(t: number): LocalTime;
}

/**
 * Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `civil_from_days`),
 * pure arithmetic so a year of hourly rows allocates nothing.
 */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 of a Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/**
 * A calendar for an IANA time zone (`UTC`, `Europe/Berlin`, `America/New_York`). Offsets come
 * from the loaders' {@link ZoneClock} (Intl rules, cached per UTC day, transitions exact), so
 * generated data and loaded data read local time the same way. Throws `CdfError`
 * (`INVALID_CONFIG`) for an unknown zone.
 */
export function createLocalCalendar(timeZone: string): LocalCalendar {
  let clock: ZoneClock;
  try {
    clock = zoneClock(timeZone);
  } catch (cause) {
    throw new CdfError(CdfErrorCode.InvalidConfig, `unknown time zone "${timeZone}"`, {
      column: 'timeZone',
      value: timeZone,
      expected: 'an IANA time zone such as UTC, Europe/Berlin or America/New_York',
      cause,
    });
  }
  const offsetMs = (t: number): number => clock.offsetAt(t);

  return {
    timeZone,
    offsetMs,
    localTime: (t) => {
      const local = t + offsetMs(t);
      const dayNumber = Math.floor(local / DAY_MS);
      const { year, month, day } = civilFromDays(dayNumber);
      // 1970-01-01 was a Thursday (4).
      const weekday = (((dayNumber + 4) % 7) + 7) % 7;
      return { year, month, day, weekday, hour: (local - dayNumber * DAY_MS) / HOUR_MS, dayNumber };
    },
  };
}
