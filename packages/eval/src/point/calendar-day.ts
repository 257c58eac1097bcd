import { CdfError, CdfErrorCode, DAY_MS } from '@cdf/core';

/**
 * A function from UTC epoch milliseconds to a calendar-day key in `timeZone` (an IANA zone,
 * DST-correct). For `UTC` the key is the day number since the epoch; other zones format the
 * local date. Throws `CdfError` `INVALID_CONFIG` for an unknown zone.
 */
export function calendarDayKey(timeZone: string): (epochMs: number) => string | number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return (epochMs) => Math.floor(epochMs / DAY_MS);
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  } catch (cause) {
    throw new CdfError(CdfErrorCode.InvalidConfig, `unknown time zone "${timeZone}"`, {
      column: 'timeZone',
      value: timeZone,
      expected: 'an IANA time zone such as "Europe/Paris" or "UTC"',
      cause,
    });
  }
  return (epochMs) => format.format(epochMs);
}
