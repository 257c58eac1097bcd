import { toIsoUtc } from '@cdf/core';
import { formatCsv } from '../write/csv-format.ts';
import { SYNTHETIC_COLUMNS, type SyntheticData } from './generate-synthetic.ts';

/** Header of a synthetic CSV, in order. */
export const SYNTHETIC_CSV_HEADER = ['timestamp', ...SYNTHETIC_COLUMNS, 'event_type'] as const;

/**
 * The synthetic table as CSV text: `timestamp` (ISO 8601 with `Z`), the five metric columns
 * (written exactly as generated), then `event_type` (empty outside events).
 */
export function syntheticToCsv(data: SyntheticData): string {
  const timestamps = Array.from(data.timestamps, toIsoUtc);
  const metrics = SYNTHETIC_COLUMNS.map((name) => data.columns[name]!);
  return formatCsv(SYNTHETIC_CSV_HEADER, [timestamps, ...metrics, data.eventType]);
}
