import { CdfError } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimestampReader } from './timestamp-reader.ts';

function failure(run: () => unknown): CdfError {
  try {
    run();
  } catch (error) {
    if (CdfError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a CdfError');
}

const reader = (timeZone?: string) => new TimestampReader({ file: 'm.csv', column: 'timestamp', timeZone });

describe('TimestampReader', () => {
  it('reads rows of one format and reports it', () => {
    const r = reader('Europe/Berlin');
    expect(r.format).toBeUndefined();
    expect(r.readText('2024-01-15 00:00', 1)).toBe(Date.UTC(2024, 0, 14, 23));
    expect(r.readText('2024-01-15', 2)).toBe(Date.UTC(2024, 0, 14, 23)); // date-only is naive too
    expect(r.format).toBe('iso-naive');
  });

  it('decides the epoch unit once, from the first value', () => {
    const r = reader();
    expect(r.readNumber(1_710_079_200_000, 1)).toBe(1_710_079_200_000);
    expect(r.readNumber(1_000, 2)).toBe(1_000); // still milliseconds
    expect(r.format).toBe('epoch-millis');
    const s = reader();
    expect(s.readText('1710079200', 1)).toBe(1_710_079_200_000);
    expect(s.readNumber(1_710_079_200_000, 2)).toBe(1_710_079_200_000_000); // still seconds
    expect(s.format).toBe('epoch-seconds');
  });

  it('names the first row whose format differs from row 1 (Z then naive)', () => {
    const r = reader();
    r.readText('2024-01-01T00:00:00Z', 1);
    r.readText('2024-01-01T01:00:00Z', 2);
    const error = failure(() => r.readText('2024-01-01 02:00:00', 3));
    expect(error.code).toBe('INVALID_TIMESTAMP');
    expect(error.toLine()).toBe(
      'm.csv: row 3, column "timestamp": timestamp format differs from row 1 (ISO 8601 without a time zone here) (got "2024-01-01 02:00:00"; expected ISO 8601 with Z, like row 1)',
    );
  });

  it('rejects ISO after epoch and epoch after ISO', () => {
    const r = reader();
    r.readNumber(1_710_079_200, 1);
    expect(failure(() => r.readText('2024-03-10T14:00:00+02:00', 2)).toLine()).toBe(
      'm.csv: row 2, column "timestamp": timestamp format differs from row 1 (ISO 8601 with a UTC offset here) (got "2024-03-10T14:00:00+02:00"; expected epoch seconds, like row 1)',
    );
    const s = reader();
    s.readText('2024-03-10T14:00:00Z', 4);
    expect(failure(() => s.readText('1710079200000', 5)).message).toBe(
      'timestamp format differs from row 4 (epoch seconds here)',
    );
  });

  it('rejects unreadable and empty timestamps with the expected formats', () => {
    expect(failure(() => reader().readText('10/03/2024 14:00', 7)).toLine()).toBe(
      'm.csv: row 7, column "timestamp": cannot read timestamp (got "10/03/2024 14:00"; expected an ISO 8601 timestamp (2024-03-10T14:00:00Z, 2024-03-10 14:00:00+02:00, 2024-03-10 14:00, 2024-03-10) or epoch seconds/milliseconds)',
    );
    expect(failure(() => reader().readText('  ', 2)).message).toBe('empty timestamp');
    expect(failure(() => reader().readNumber(1e300, 2)).toLine()).toBe(
      'm.csv: row 2, column "timestamp": timestamp out of range (got "1e+300"; expected a finite epoch milliseconds value)',
    );
  });

  it('throws only CdfErrors on garbage, whatever came before (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.double().map(String),
            fc.constantFrom('2024-01-01', '2024-01-01T00:00Z', '17'),
          ),
          {
            maxLength: 5,
          },
        ),
        (cells) => {
          const r = reader('America/New_York');
          cells.forEach((cell, i) => {
            try {
              expect(Number.isFinite(r.readText(cell, i + 1))).toBe(true);
            } catch (error) {
              expect(CdfError.isInstance(error) && error.code).toBe('INVALID_TIMESTAMP');
            }
          });
        },
      ),
    );
  });
});
