import { CdfError, CdfErrorCode } from '@cdf/core';
import { detectEpochUnit, type EpochUnit, epochToMs, parseEpochText } from './epoch-timestamp.ts';
import { createIsoScan, scanIsoTimestamp } from './iso-timestamp.ts';
import { describeTimestampFormat, EXPECTED_TIMESTAMP, type TimestampFormat } from './timestamp-format.ts';
import { type ZoneClock, zoneClock } from './zone-clock.ts';

/** Options of a {@link TimestampReader}. */
export interface TimestampReaderOptions {
  /** IANA zone for naive ISO text and naive Parquet timestamps. Default `UTC`. */
  timeZone?: string;
  /** File the timestamps come from, for error messages. */
  file?: string;
  /** Column the timestamps come from, for error messages. */
  column?: string;
}

/**
 * Reads the timestamps of one column, row after row, into UTC epoch milliseconds. The first
 * row fixes the column's {@link TimestampFormat} (and, for numbers, the epoch unit); a later row
 * in another format is an error naming that row. Every failure is a CdfError INVALID_TIMESTAMP
 * with the file, row, column and value. Scanning allocates nothing per row.
 */
export class TimestampReader {
  private readonly clock: ZoneClock;
  private readonly file: string | undefined;
  private readonly column: string | undefined;
  private readonly scan = createIsoScan();
  private current: TimestampFormat | undefined;
  private unit: EpochUnit = 'seconds';
  private firstRow = 0;

  /** Throws a CdfError INVALID_CONFIG when the time zone is unknown. */
  constructor(options: TimestampReaderOptions = {}) {
    this.clock = zoneClock(options.timeZone ?? 'UTC');
    this.file = options.file;
    this.column = options.column;
  }

  /** The format fixed by the first row read, or undefined before any row. */
  get format(): TimestampFormat | undefined {
    return this.current;
  }

  /** Epoch ms of timestamp text (ISO 8601 or epoch seconds/milliseconds) on `row`. */
  readText(text: string, row: number): number {
    return this.readRange(text, 0, text.length, row);
  }

  /** Epoch ms of the timestamp in `text[start, end)` (a CSV field, read in place) on `row`. */
  readRange(text: string, start: number, end: number, row: number): number {
    const scan = this.scan;
    if (scanIsoTimestamp(text, scan, start, end)) {
      if (scan.zone === 'utc') {
        if (this.current !== 'iso-utc') this.settle('iso-utc', row, text.slice(start, end));
        return scan.localMs;
      }
      if (scan.zone === 'offset') {
        if (this.current !== 'iso-offset') this.settle('iso-offset', row, text.slice(start, end));
        return scan.localMs - scan.offsetMs;
      }
      if (this.current !== 'iso-naive') this.settle('iso-naive', row, text.slice(start, end));
      return this.clock.toUtc(scan.localMs);
    }
    const value = parseEpochText(text, start, end);
    if (Number.isNaN(value)) {
      const raw = text.slice(start, end);
      if (raw.trim() === '') throw this.error('empty timestamp', row, raw, EXPECTED_TIMESTAMP);
      throw this.error('cannot read timestamp', row, raw, EXPECTED_TIMESTAMP);
    }
    return this.readEpoch(value, row, text, start, end);
  }

  /** Epoch ms of a numeric timestamp (epoch seconds or milliseconds, see `detectEpochUnit`). */
  readNumber(value: number, row: number): number {
    return this.readEpoch(value, row, undefined, 0, 0);
  }

  /** Records an instant that is already UTC epoch ms (a Parquet TIMESTAMP adjusted to UTC). */
  readInstant(epochMs: number, row: number): number {
    if (this.current !== 'epoch-millis') this.settle('epoch-millis', row, String(epochMs));
    return epochMs;
  }

  /** Epoch ms of a wall-clock time given as if it were UTC (a naive Parquet TIMESTAMP or DATE). */
  readWallClock(localMs: number, row: number): number {
    if (this.current !== 'iso-naive')
      this.settle('iso-naive', row, new Date(localMs).toISOString().slice(0, 23));
    return this.clock.toUtc(localMs);
  }

  /** The error for an empty cell in the time column. */
  emptyError(row: number): CdfError {
    return this.error('empty timestamp', row, '', EXPECTED_TIMESTAMP);
  }

  /** `text` is the cell the value was read from, or undefined for a number. */
  private readEpoch(
    value: number,
    row: number,
    text: string | undefined,
    start: number,
    end: number,
  ): number {
    if (this.current === undefined && Number.isFinite(value)) this.unit = detectEpochUnit(value);
    const format = this.unit === 'millis' ? 'epoch-millis' : 'epoch-seconds';
    if (this.current !== format)
      this.settle(format, row, text === undefined ? String(value) : text.slice(start, end));
    const ms = epochToMs(value, this.unit);
    if (Number.isNaN(ms)) {
      const raw = text === undefined ? String(value) : text.slice(start, end);
      throw this.error(
        'timestamp out of range',
        row,
        raw,
        `a finite ${describeTimestampFormat(format)} value`,
      );
    }
    return ms;
  }

  /** Fixes the format on the first row; on a later row, a different format is an error. */
  private settle(format: TimestampFormat, row: number, raw: string): void {
    if (this.current === undefined) {
      this.current = format;
      this.firstRow = row;
      return;
    }
    throw this.error(
      `timestamp format differs from row ${this.firstRow} (${describeTimestampFormat(format)} here)`,
      row,
      raw,
      `${describeTimestampFormat(this.current)}, like row ${this.firstRow}`,
    );
  }

  private error(message: string, row: number, value: string, expected: string): CdfError {
    return new CdfError(CdfErrorCode.InvalidTimestamp, message, {
      file: this.file,
      row,
      column: this.column,
      value,
      expected,
    });
  }
}
