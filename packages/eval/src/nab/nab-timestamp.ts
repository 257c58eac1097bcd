import { CdfError, CdfErrorCode, type InputLocation } from '@cdf/core';

const DIGIT_0 = 48;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Parse a NAB timestamp, `YYYY-MM-DD HH:MM:SS` with optional fractional seconds
 * (`.000000` in the label files), as UTC epoch milliseconds. NAB's times carry no zone; reading
 * data and labels the same way keeps them aligned. Throws `CdfError` `INVALID_TIMESTAMP`.
 */
export function parseNabTimestamp(text: string, location: InputLocation = {}): number {
  const ok =
    text.length >= 19 &&
    text[4] === '-' &&
    text[7] === '-' &&
    (text[10] === ' ' || text[10] === 'T') &&
    text[13] === ':' &&
    text[16] === ':' &&
    (text.length === 19 || text[19] === '.');
  let ms = Number.NaN;
  if (ok) {
    const fraction = text.length > 20 ? Number(`0${text.slice(19)}`) : 0;
    ms =
      Date.UTC(
        digits(text, 0, 4),
        digits(text, 5, 2) - 1,
        digits(text, 8, 2),
        digits(text, 11, 2),
        digits(text, 14, 2),
        digits(text, 17, 2),
      ) + Math.round(fraction * 1000);
  }
  if (!Number.isFinite(ms)) {
    throw new CdfError(CdfErrorCode.InvalidTimestamp, 'not a NAB timestamp', {
      ...location,
      value: text,
      expected: 'YYYY-MM-DD HH:MM:SS[.ffffff]',
    });
  }
  return ms;
}
