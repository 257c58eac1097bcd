/** The unit of numeric timestamps: seconds or milliseconds since 1970-01-01T00:00:00Z. */
export type EpochUnit = 'seconds' | 'millis';

/**
 * Numbers at or above this magnitude are epoch milliseconds, below it epoch seconds.
 * 1e11 seconds is the year 5138, far beyond any real data; 1e11 milliseconds is 1973-03-03, so
 * millisecond timestamps before March 1973 would be read as seconds (pass them as ISO instead).
 * A loader decides the unit ONCE, from the first row, and reads every row in that unit.
 */
export const EPOCH_MILLIS_THRESHOLD = 1e11;

/** The largest instant a JavaScript Date can hold, in ms either side of 1970. */
export const MAX_EPOCH_MS = 8.64e15;

/** The unit a first numeric timestamp implies (see {@link EPOCH_MILLIS_THRESHOLD}). */
export function detectEpochUnit(value: number): EpochUnit {
  return Math.abs(value) >= EPOCH_MILLIS_THRESHOLD ? 'millis' : 'seconds';
}

/**
 * Epoch milliseconds of a numeric timestamp in `unit`, rounded to the nearest millisecond;
 * NaN when it is not finite or beyond what a Date can hold.
 */
export function epochToMs(value: number, unit: EpochUnit): number {
  const ms = Math.round(unit === 'seconds' ? value * 1000 : value);
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS ? ms : Number.NaN;
}

/**
 * The number in epoch-timestamp text (`1710079200`, `1710079200000`, `1710079200.5`, with an
 * optional sign and surrounding spaces; no exponent) in `text[from, to)`, or NaN when it is not
 * such a number.
 */
export function parseEpochText(text: string, from = 0, to = text.length): number {
  let start = from;
  let end = to;
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  let i = start;
  const first = text.charCodeAt(i);
  if (first === 43 || first === 45) i++;
  let digits = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return Number.NaN;
  }
  return digits === 0 ? Number.NaN : Number(text.slice(start, end));
}
