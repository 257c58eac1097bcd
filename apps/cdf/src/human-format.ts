import { DAY_MS, formatStep, HOUR_MS } from '@cdf/core';

/*
 * How numbers and times read in cdf's human output. Fixed locale and UTC, so the same run prints
 * the same text on every machine.
 */

/** An instant as ISO 8601 UTC, without milliseconds when they are zero: `2025-01-01T00:00:00Z`. */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

/** A count with thousands separators: `17,520`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** A quantity with at most `digits` decimals and thousands separators: `1,234.57`. */
export function formatQuantity(value: number, digits = 2): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A length of time in the largest fitting unit: `730 days`, `36 hours`, `45min`. */
export function formatDuration(ms: number): string {
  if (ms >= 2 * DAY_MS) return `${formatQuantity(ms / DAY_MS, 1)} days`;
  if (ms >= 2 * HOUR_MS) return `${formatQuantity(ms / HOUR_MS, 1)} hours`;
  return formatStep(ms);
}

/** `n thing` or `n things`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
