/** Milliseconds in common steps. Time inside cdf is UTC epoch milliseconds. */
export const MINUTE_MS = 60_000;
/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;
/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
/** One week in milliseconds. */
export const WEEK_MS = 7 * DAY_MS;

/** ISO 8601 in UTC with a `Z`, the form of every timestamp cdf writes. */
export function toIsoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** A step in words: `1h`, `5min`, `1d`, `30s`. */
export function formatStep(stepMs: number): string {
  if (stepMs % DAY_MS === 0) return `${stepMs / DAY_MS}d`;
  if (stepMs % HOUR_MS === 0) return `${stepMs / HOUR_MS}h`;
  if (stepMs % MINUTE_MS === 0) return `${stepMs / MINUTE_MS}min`;
  if (stepMs % 1000 === 0) return `${stepMs / 1000}s`;
  return `${stepMs}ms`;
}

/**
 * Parse a duration like `1h`, `5min`, `5m`, `30s`, `2d`, `1w` into milliseconds.
 * Returns undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|m|min|h|hr|hour|hours|d|day|days|w|wk|week|weeks)\s*$/i.exec(
    text,
  );
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2]!.toLowerCase();
  const scale =
    unit === 'ms'
      ? 1
      : unit === 's' || unit === 'sec'
        ? 1000
        : unit === 'm' || unit === 'min'
          ? MINUTE_MS
          : unit.startsWith('h')
            ? HOUR_MS
            : unit.startsWith('d')
              ? DAY_MS
              : WEEK_MS;
  const ms = amount * scale;
  return Number.isFinite(ms) && ms > 0 && Number.isInteger(ms) ? ms : undefined;
}
