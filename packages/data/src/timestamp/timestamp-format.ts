/**
 * How the timestamps of a file are written. A file uses one format throughout; the loaders
 * reject a row whose format differs from the first row's.
 *
 * - `iso-utc`: ISO 8601 ending in `Z` (`2024-03-10T14:00:00Z`).
 * - `iso-offset`: ISO 8601 with a numeric offset (`2024-03-10T14:00:00+02:00`, `+0200`, `+02`).
 * - `iso-naive`: ISO 8601 without a zone, read in the configured time zone (`2024-03-10 14:00`,
 *   or date-only `2024-03-10` = local midnight). Parquet DATE and non-UTC-adjusted TIMESTAMP
 *   columns are naive too.
 * - `epoch-seconds` / `epoch-millis`: a number of seconds or milliseconds since 1970-01-01Z.
 *   Parquet TIMESTAMP columns adjusted to UTC report `epoch-millis`.
 */
export type TimestampFormat = 'iso-utc' | 'iso-offset' | 'iso-naive' | 'epoch-seconds' | 'epoch-millis';

/** Every {@link TimestampFormat}, in documentation order. */
export const TIMESTAMP_FORMATS: readonly TimestampFormat[] = [
  'iso-utc',
  'iso-offset',
  'iso-naive',
  'epoch-seconds',
  'epoch-millis',
];

/** What a timestamp must look like, in words, for error messages about an unreadable one. */
export const EXPECTED_TIMESTAMP =
  'an ISO 8601 timestamp (2024-03-10T14:00:00Z, 2024-03-10 14:00:00+02:00, 2024-03-10 14:00, 2024-03-10) or epoch seconds/milliseconds';

/** A {@link TimestampFormat} in words, for messages: `ISO 8601 with Z`. */
export function describeTimestampFormat(format: TimestampFormat): string {
  switch (format) {
    case 'iso-utc':
      return 'ISO 8601 with Z';
    case 'iso-offset':
      return 'ISO 8601 with a UTC offset';
    case 'iso-naive':
      return 'ISO 8601 without a time zone';
    case 'epoch-seconds':
      return 'epoch seconds';
    case 'epoch-millis':
      return 'epoch milliseconds';
  }
}
