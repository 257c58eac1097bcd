import { DAY_MS, formatStep, HOUR_MS, MINUTE_MS } from '@cdf/core';

/**
 * A span in words for messages: `14 days`, `1 day`, `36 hours`, `90 minutes`; falls back to
 * `formatStep` for spans that are not whole minutes.
 */
export function describeDuration(ms: number): string {
  const unit = (amount: number, word: string) => `${amount} ${word}${amount === 1 ? '' : 's'}`;
  if (ms > 0 && ms % DAY_MS === 0) return unit(ms / DAY_MS, 'day');
  if (ms > 0 && ms % HOUR_MS === 0) return unit(ms / HOUR_MS, 'hour');
  if (ms > 0 && ms % MINUTE_MS === 0) return unit(ms / MINUTE_MS, 'minute');
  return formatStep(ms);
}
