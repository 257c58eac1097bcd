import { parseDuration } from '@cdf/core';
import { UsageError } from './usage-error.ts';

/*
 * Parsers for flag values. Each names the flag in its error so the user sees one line that
 * says which flag was wrong and what it wants; every error is a UsageError (exit code 2).
 */

/** One of `choices`, case-insensitively. */
export function parseChoice<const T extends string>(flag: string, value: string, choices: readonly T[]): T {
  const found = choices.find((choice) => choice === value.trim().toLowerCase());
  if (found === undefined) throw new UsageError(`${flag}: "${value}" is not one of ${choices.join(', ')}`);
  return found;
}

/** An IANA time zone name (`UTC`, `Europe/Berlin`), checked against the runtime's zone database. */
export function parseTimeZone(flag: string, value: string): string {
  const zone = value.trim();
  const expected = 'expected an IANA name such as UTC or Europe/Berlin';
  if (zone === '') throw new UsageError(`${flag}: empty time zone (${expected})`);
  try {
    // Intl rejects unknown zones with a RangeError, and it is the zone database cdf computes with.
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new UsageError(`${flag}: unknown time zone "${value}" (${expected})`);
  }
  return zone;
}

/** A positive duration such as `1h`, `5min`, `1d`, in milliseconds. */
export function parseStep(flag: string, value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined)
    throw new UsageError(`${flag}: "${value}" is not a duration (expected e.g. 30s, 5min, 1h, 1d)`);
  return ms;
}

/** A non-negative integer seed (below 2^32, so every generator can take it). */
export function parseSeed(flag: string, value: string): number {
  const text = value.trim();
  const seed = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(seed) || seed >= 2 ** 32) {
    throw new UsageError(`${flag}: "${value}" is not a seed (expected an integer from 0 to 4294967295)`);
  }
  return seed;
}

/**
 * An instant as ISO 8601 with `Z` or an offset (`2025-01-01T00:00:00Z`), or a bare date
 * (`2025-01-01`, read as UTC midnight), to epoch ms. A date-time without a zone is refused:
 * reading it in the machine's local zone would make output depend on where it runs.
 */
export function parseInstant(flag: string, value: string): number {
  const text = value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const zoned = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const ms = dateOnly || zoned ? Date.parse(dateOnly ? `${text}T00:00:00Z` : text) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new UsageError(
      `${flag}: "${value}" is not an instant (expected ISO 8601 with Z or an offset, e.g. 2025-01-01T00:00:00Z, or a date)`,
    );
  }
  return ms;
}

/** A non-empty name (a column, a file). */
export function parseName(flag: string, value: string): string {
  const name = value.trim();
  if (name === '') throw new UsageError(`${flag}: empty value`);
  return name;
}
