import { CdfError, CdfErrorCode, DAY_MS, HOUR_MS } from '@cdf/core';

/** Local calendar fields of instants in one IANA time zone, one entry per instant. */
export interface LocalCalendar {
  /** Local year, e.g. 2024. */
  year: Int32Array;
  /** Local month, 1..12. */
  month: Uint8Array;
  /** Local day of the month, 1..31. */
  day: Uint8Array;
  /** Local day of the week, 0 = Monday .. 6 = Sunday. */
  dayOfWeek: Uint8Array;
  /** Local time of day in hours, 0 <= hour < 24 (minutes as a fraction: 9:30 is 9.5). */
  hour: Float64Array;
}

/**
 * A formatter for `timeZone`; throws a CdfError (INVALID_CONFIG) for a name Intl does not know,
 * such as a typo in the series' `timeZone`.
 */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (cause) {
    throw new CdfError(CdfErrorCode.InvalidConfig, `unknown time zone "${timeZone}"`, {
      column: 'timeZone',
      value: timeZone,
      expected: 'an IANA time zone name such as UTC or America/New_York',
      cause,
    });
  }
}

/** Offset (ms) of local wall time from UTC at instant `t`, read from Intl. */
function offsetFromIntl(format: Intl.DateTimeFormat, t: number): number {
  const whole = Math.floor(t / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of format.formatToParts(whole)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
    else if (part.type === 'second') second = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime() - whole;
}

/**
 * UTC offsets of one time zone, cached per UTC hour (and per UTC day: an hour inside a day that
 * starts and ends on one offset takes it without asking Intl again). An hour whose start and
 * end offsets differ holds a transition (a DST change, which in zones such as
 * Australia/Adelaide falls on the half hour); it is located to the minute by bisection, so
 * every instant gets its exact offset.
 */
export class ZoneOffsets {
  private readonly format: Intl.DateTimeFormat;
  private readonly byHour = new Map<number, number>();
  private readonly byDay = new Map<number, number>();
  private readonly transitions = new Map<number, number>();

  constructor(timeZone: string) {
    this.format = zoneFormatter(timeZone);
  }

  /** Offset (ms) of local wall time from UTC at `t`. */
  offsetAt(t: number): number {
    const hourIndex = Math.floor(t / HOUR_MS);
    const start = this.hourOffset(hourIndex);
    const end = this.hourOffset(hourIndex + 1);
    if (start === end) return start;
    let change = this.transitions.get(hourIndex);
    if (change === undefined) {
      // First minute of the hour that already has the new offset.
      let lo = 0;
      let hi = 60;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (offsetFromIntl(this.format, hourIndex * HOUR_MS + mid * 60_000) === start) lo = mid + 1;
        else hi = mid;
      }
      change = hourIndex * HOUR_MS + lo * 60_000;
      this.transitions.set(hourIndex, change);
    }
    return t < change ? start : end;
  }

  private hourOffset(hourIndex: number): number {
    let offset = this.byHour.get(hourIndex);
    if (offset === undefined) {
      // Offsets change a few times a year: when a UTC day starts and ends on the same offset,
      // every hour of it has that offset, and Intl is asked twice per day instead of 24 times.
      const day = Math.floor(hourIndex / 24);
      const dayStart = this.dayOffset(day);
      offset =
        dayStart === this.dayOffset(day + 1) ? dayStart : offsetFromIntl(this.format, hourIndex * HOUR_MS);
      this.byHour.set(hourIndex, offset);
    }
    return offset;
  }

  private dayOffset(day: number): number {
    let offset = this.byDay.get(day);
    if (offset === undefined) {
      offset = offsetFromIntl(this.format, day * DAY_MS);
      this.byDay.set(day, offset);
    }
    return offset;
  }
}

/**
 * Local calendar fields of every instant in `timestamps` (epoch ms) in the IANA zone `timeZone`,
 * DST-correct: the offset comes from Intl.DateTimeFormat (cached per UTC hour), and the fields
 * from the local wall time by integer arithmetic.
 */
export function localCalendar(timestamps: Float64Array, timeZone: string): LocalCalendar {
  const n = timestamps.length;
  const out: LocalCalendar = {
    year: new Int32Array(n),
    month: new Uint8Array(n),
    day: new Uint8Array(n),
    dayOfWeek: new Uint8Array(n),
    hour: new Float64Array(n),
  };
  const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
  const offsets = utc ? undefined : new ZoneOffsets(timeZone);
  if (utc) zoneFormatter(timeZone);
  let lastDays = Number.NaN;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const t = timestamps[i]!;
    const wall = t + (offsets ? offsets.offsetAt(t) : 0);
    const days = Math.floor(wall / DAY_MS);
    if (days !== lastDays) {
      [y, m, d] = civilFromDays(days);
      lastDays = days;
    }
    out.year[i] = y;
    out.month[i] = m;
    out.day[i] = d;
    out.dayOfWeek[i] = (((days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (3 with Monday = 0)
    out.hour[i] = (wall - days * DAY_MS) / HOUR_MS;
  }
  return out;
}

/** Year, month (1..12) and day of a day count since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Days in `month` (1..12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
