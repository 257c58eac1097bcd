import { DAY_MS, HOUR_MS, MINUTE_MS } from '@cdf/core';

/** The zone part of an ISO 8601 timestamp: none, `Z`, or a numeric offset. */
export type IsoZone = 'naive' | 'utc' | 'offset';

/**
 * The fields of one ISO 8601 timestamp, written by {@link scanIsoTimestamp} into an object the
 * caller reuses, so that scanning millions of rows allocates nothing.
 */
export interface IsoScan {
  /** The wall-clock time as if it were UTC, in epoch milliseconds (fraction rounded to the ms). */
  localMs: number;
  /** Which zone the text carries. */
  zone: IsoZone;
  /** The offset for `zone: 'offset'` (local = UTC + offset), else 0. */
  offsetMs: number;
  /** True for a date without a time (`2024-03-10`). */
  dateOnly: boolean;
}

/** A fresh {@link IsoScan} to pass to {@link scanIsoTimestamp}. */
export function createIsoScan(): IsoScan {
  return { localMs: 0, zone: 'naive', offsetMs: 0, dateOnly: false };
}

const ZERO = 48;
const DASH = 45;
const PLUS = 43;
const COLON = 58;
const DOT = 46;
const COMMA = 44;
const SPACE = 32;
const TAB = 9;

function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Two digits at `i` as a number, or -1. */
function two(text: string, i: number): number {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Scan the ISO 8601 text in `text[from, to)` into `out`; returns false when the text is not one of the accepted forms:
 * `YYYY-MM-DD`, or `YYYY-MM-DD` + `T`/`t`/space + `HH:MM[:SS[.fraction]]` + optional zone
 * (`Z`, `z`, `±HH:MM`, `±HHMM`, `±HH`). Surrounding spaces and tabs are ignored. Fields are range
 * checked (month 1-12, day within the month, hour 0-23, minute and second 0-59, offset < 24h).
 * A fraction is rounded to the nearest millisecond; digits beyond the ninth are ignored.
 */
export function scanIsoTimestamp(text: string, out: IsoScan, from = 0, to = text.length): boolean {
  let start = from;
  let end = to;
  while (start < end && (text.charCodeAt(start) === SPACE || text.charCodeAt(start) === TAB)) start++;
  while (end > start && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB)) end--;
  if (end - start < 10) return false;
  // Digits are read inline (no helper calls): this runs once per row, often before the JIT warms up.
  let i = start;
  const y0 = text.charCodeAt(i) - ZERO;
  const y1 = text.charCodeAt(i + 1) - ZERO;
  const y2 = text.charCodeAt(i + 2) - ZERO;
  const y3 = text.charCodeAt(i + 3) - ZERO;
  const m0 = text.charCodeAt(i + 5) - ZERO;
  const m1 = text.charCodeAt(i + 6) - ZERO;
  const d0 = text.charCodeAt(i + 8) - ZERO;
  const d1 = text.charCodeAt(i + 9) - ZERO;
  if (
    (y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 ||
    y0 > 9 ||
    y1 > 9 ||
    y2 > 9 ||
    y3 > 9 ||
    m0 > 9 ||
    m1 > 9 ||
    d0 > 9 ||
    d1 > 9 ||
    text.charCodeAt(i + 4) !== DASH ||
    text.charCodeAt(i + 7) !== DASH
  ) {
    return false;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const dayMs = daysFromCivil(year, month, day) * DAY_MS;
  i += 10;
  if (i === end) {
    out.localMs = dayMs;
    out.zone = 'naive';
    out.offsetMs = 0;
    out.dateOnly = true;
    return true;
  }
  const sep = text.charCodeAt(i);
  if (sep !== 84 && sep !== 116 && sep !== SPACE) return false; // 'T', 't', ' '
  i++;
  if (end - i < 5) return false;
  const h0 = text.charCodeAt(i) - ZERO;
  const h1 = text.charCodeAt(i + 1) - ZERO;
  const n0 = text.charCodeAt(i + 3) - ZERO;
  const n1 = text.charCodeAt(i + 4) - ZERO;
  if ((h0 | h1 | n0 | n1) < 0 || h0 > 2 || h1 > 9 || n0 > 5 || n1 > 9 || text.charCodeAt(i + 2) !== COLON) {
    return false;
  }
  const hour = h0 * 10 + h1;
  if (hour > 23) return false;
  const minute = n0 * 10 + n1;
  i += 5;
  let second = 0;
  let millis = 0;
  if (i < end && text.charCodeAt(i) === COLON) {
    if (end - i < 3) return false;
    const s0 = text.charCodeAt(i + 1) - ZERO;
    const s1 = text.charCodeAt(i + 2) - ZERO;
    if ((s0 | s1) < 0 || s0 > 5 || s1 > 9) return false;
    second = s0 * 10 + s1;
    i += 3;
    const mark = text.charCodeAt(i);
    if (i < end && (mark === DOT || mark === COMMA)) {
      i++;
      let fraction = 0;
      let digits = 0;
      while (i < end) {
        const d = text.charCodeAt(i) - ZERO;
        if (d < 0 || d > 9) break;
        if (digits < 9) {
          fraction = fraction * 10 + d;
          digits++;
        }
        i++;
      }
      if (digits === 0) return false;
      millis = Math.round(fraction / 10 ** (digits - 3));
    }
  }
  out.localMs = dayMs + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + millis;
  out.dateOnly = false;
  if (i === end) {
    out.zone = 'naive';
    out.offsetMs = 0;
    return true;
  }
  const z = text.charCodeAt(i);
  if (z === 90 || z === 122) {
    // 'Z' or 'z'
    out.zone = 'utc';
    out.offsetMs = 0;
    return i + 1 === end;
  }
  if (z !== PLUS && z !== DASH) return false;
  const sign = z === PLUS ? 1 : -1;
  i++;
  if (end - i < 2) return false;
  const offsetHours = two(text, i);
  if (offsetHours < 0 || offsetHours > 23) return false;
  i += 2;
  let offsetMinutes = 0;
  if (i < end) {
    if (text.charCodeAt(i) === COLON) i++;
    if (end - i !== 2) return false;
    offsetMinutes = two(text, i);
    if (offsetMinutes < 0 || offsetMinutes > 59) return false;
  }
  out.zone = 'offset';
  out.offsetMs = sign * (offsetHours * HOUR_MS + offsetMinutes * MINUTE_MS);
  return true;
}
