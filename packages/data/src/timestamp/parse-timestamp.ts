import { detectEpochUnit, type EpochUnit, epochToMs, parseEpochText } from './epoch-timestamp.ts';
import { createIsoScan, scanIsoTimestamp } from './iso-timestamp.ts';
import type { TimestampFormat } from './timestamp-format.ts';
import { zoneClock } from './zone-clock.ts';

/** Options of {@link parseTimestamp}. */
export interface ParseTimestampOptions {
  /** IANA zone for naive ISO text (no `Z`, no offset). Default `UTC`. */
  timeZone?: string;
  /** Unit of numeric text; default: from its magnitude (|v| >= 1e11 is milliseconds). */
  epochUnit?: EpochUnit;
}

/** A timestamp read by {@link parseTimestamp}. */
export interface ParsedTimestamp {
  /** The instant, UTC epoch milliseconds. */
  epochMs: number;
  /** How the text was written. */
  format: TimestampFormat;
}

const scan = createIsoScan();

/**
 * Parse one timestamp: ISO 8601 with `Z` or an offset, naive ISO 8601 (read in `timeZone`,
 * DST-correct, see `ZoneClock` for gaps and overlaps), a date `YYYY-MM-DD` (local midnight), or
 * epoch seconds/milliseconds. Returns undefined when the text is none of these. Throws a
 * CdfError INVALID_CONFIG for an unknown time zone. To read a whole column, with one format
 * enforced for every row and errors that name the row, use `TimestampReader`.
 *
 * @example parseTimestamp('2024-03-10 02:30', { timeZone: 'America/New_York' })
 *   // { epochMs: Date.parse('2024-03-10T07:30:00Z'), format: 'iso-naive' }
 */
export function parseTimestamp(
  text: string,
  options: ParseTimestampOptions = {},
): ParsedTimestamp | undefined {
  const clock = zoneClock(options.timeZone ?? 'UTC');
  if (scanIsoTimestamp(text, scan)) {
    if (scan.zone === 'utc') return { epochMs: scan.localMs, format: 'iso-utc' };
    if (scan.zone === 'offset') return { epochMs: scan.localMs - scan.offsetMs, format: 'iso-offset' };
    return { epochMs: clock.toUtc(scan.localMs), format: 'iso-naive' };
  }
  const value = parseEpochText(text);
  if (Number.isNaN(value)) return undefined;
  const unit = options.epochUnit ?? detectEpochUnit(value);
  const epochMs = epochToMs(value, unit);
  if (Number.isNaN(epochMs)) return undefined;
  return { epochMs, format: unit === 'millis' ? 'epoch-millis' : 'epoch-seconds' };
}
