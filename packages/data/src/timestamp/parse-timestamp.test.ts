import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './parse-timestamp.ts';
import { zoneClock } from './zone-clock.ts';

const MIN = 0; // 1970-01-01
const MAX = 4_102_444_799_999; // 2099-12-31T23:59:59.999Z
const instant = fc.integer({ min: MIN, max: MAX });
const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `utcMs` written with a numeric offset, in the spelling given. */
function withOffset(utcMs: number, offsetMin: number, spelling: 'colon' | 'compact'): string {
  const local = new Date(utcMs + offsetMin * 60_000).toISOString().slice(0, 23);
  const sign = offsetMin < 0 ? '-' : '+';
  const hh = pad(Math.trunc(Math.abs(offsetMin) / 60));
  const mm = pad(Math.abs(offsetMin) % 60);
  return `${local}${sign}${hh}${spelling === 'colon' ? ':' : ''}${mm}`;
}

describe('parseTimestamp', () => {
  it('detects each format', () => {
    expect(parseTimestamp('2024-03-10T14:00:00Z')).toEqual({
      epochMs: Date.UTC(2024, 2, 10, 14),
      format: 'iso-utc',
    });
    expect(parseTimestamp('2024-03-10T16:00:00+02:00')).toEqual({
      epochMs: Date.UTC(2024, 2, 10, 14),
      format: 'iso-offset',
    });
    expect(parseTimestamp('2024-03-10 14:00')).toEqual({
      epochMs: Date.UTC(2024, 2, 10, 14),
      format: 'iso-naive',
    });
    expect(parseTimestamp('2024-03-10')).toEqual({ epochMs: Date.UTC(2024, 2, 10), format: 'iso-naive' });
    expect(parseTimestamp('1710079200')).toEqual({ epochMs: 1_710_079_200_000, format: 'epoch-seconds' });
    expect(parseTimestamp('1710079200000')).toEqual({ epochMs: 1_710_079_200_000, format: 'epoch-millis' });
    expect(parseTimestamp(' 1710079200.5 ')).toEqual({ epochMs: 1_710_079_200_500, format: 'epoch-seconds' });
    expect(parseTimestamp('99999999999')?.format).toBe('epoch-seconds'); // just under 1e11
    expect(parseTimestamp('100000000000')?.format).toBe('epoch-millis');
    expect(parseTimestamp('1000', { epochUnit: 'millis' })).toEqual({
      epochMs: 1000,
      format: 'epoch-millis',
    });
  });

  it('reads naive text in the given zone (midnight of a date in Berlin is 23:00Z the day before in winter)', () => {
    expect(parseTimestamp('2024-01-15', { timeZone: 'Europe/Berlin' })?.epochMs).toBe(
      Date.UTC(2024, 0, 14, 23),
    );
    expect(parseTimestamp('2024-03-10 02:30', { timeZone: 'America/New_York' })?.epochMs).toBe(
      Date.parse('2024-03-10T07:30:00Z'),
    );
  });

  it('returns undefined for text that is no timestamp, and throws INVALID_CONFIG for a bad zone', () => {
    for (const text of ['', 'yesterday', '1e12', '12:00', 'NaN', '--1', '2024-02-30']) {
      expect(parseTimestamp(text)).toBeUndefined();
    }
    expect(() => parseTimestamp('2024-01-01', { timeZone: 'Nowhere/Land' })).toThrow(/unknown time zone/);
  });

  it('round-trips instants 1970..2100 written as ISO Z (property)', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        expect(parseTimestamp(new Date(ms).toISOString())).toEqual({ epochMs: ms, format: 'iso-utc' });
      }),
    );
  });

  it('round-trips instants written with offsets, +HH:MM and +HHMM (property)', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        fc.constantFrom('colon' as const, 'compact' as const),
        (ms, offset, spelling) => {
          expect(parseTimestamp(withOffset(ms, offset, spelling))).toEqual({
            epochMs: ms,
            format: 'iso-offset',
          });
        },
      ),
    );
  });

  it('round-trips instants written as epoch seconds and milliseconds (property)', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const seconds = Math.floor(ms / 1000);
        expect(parseTimestamp(String(seconds))?.epochMs).toBe(seconds * 1000);
        // Millisecond values below 1e11 (before 1973-03-03) read as seconds by magnitude.
        const asMillis = parseTimestamp(String(ms));
        expect(asMillis?.epochMs).toBe(ms >= 1e11 ? ms : ms * 1000);
        expect(parseTimestamp(String(ms), { epochUnit: 'millis' })?.epochMs).toBe(ms);
      }),
    );
  });

  it('round-trips instants written as naive wall clocks in several zones (property)', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney'];
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (ms, zone) => {
        const wall = new Date(ms + zoneClock(zone).offsetAt(ms)).toISOString().slice(0, 23).replace('T', ' ');
        const parsed = parseTimestamp(wall, { timeZone: zone });
        expect(parsed?.format).toBe('iso-naive');
        if (parsed?.epochMs !== ms) {
          // An ambiguous fall-back wall clock reads as its earlier instant, one DST shift before.
          expect(ms - parsed!.epochMs).toBe(
            zoneClock(zone).offsetAt(parsed!.epochMs) - zoneClock(zone).offsetAt(ms),
          );
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on garbage, and anything it accepts is a valid instant (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789-:.TZ +eE') })),
        (text) => {
          const parsed = parseTimestamp(text, { timeZone: 'Europe/Berlin' });
          if (parsed !== undefined) expect(Number.isFinite(parsed.epochMs)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
