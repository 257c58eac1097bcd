import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIsoScan, daysFromCivil, scanIsoTimestamp } from './iso-timestamp.ts';

function scan(text: string) {
  const out = createIsoScan();
  return scanIsoTimestamp(text, out) ? { ...out } : undefined;
}

describe('scanIsoTimestamp', () => {
  it('reads Z, offsets in three spellings, T/space/lowercase separators, optional seconds and fractions', () => {
    const utc = Date.UTC(2024, 2, 10, 14, 5, 0);
    expect(scan('2024-03-10T14:05:00Z')).toEqual({ localMs: utc, zone: 'utc', offsetMs: 0, dateOnly: false });
    expect(scan('2024-03-10 14:05Z')?.localMs).toBe(utc);
    expect(scan('2024-03-10t14:05:00z')?.zone).toBe('utc');
    expect(scan('2024-03-10T14:05:00.123Z')?.localMs).toBe(utc + 123);
    expect(scan('2024-03-10T14:05:00,5Z')?.localMs).toBe(utc + 500);
    expect(scan('2024-03-10T14:05:00.123456789Z')?.localMs).toBe(utc + 123);
    expect(scan('2024-03-10T14:05:00.9996Z')?.localMs).toBe(utc + 1000);
    for (const offset of ['+02:00', '+0200', '+02']) {
      expect(scan(`2024-03-10T14:05:00${offset}`)).toEqual({
        localMs: utc,
        zone: 'offset',
        offsetMs: 7_200_000,
        dateOnly: false,
      });
    }
    expect(scan('2024-03-10T14:05-05:30')?.offsetMs).toBe(-(5.5 * 3_600_000));
  });

  it('reads naive date-times and dates (local midnight), with surrounding blanks', () => {
    expect(scan('2024-03-10 14:05:07')).toEqual({
      localMs: Date.UTC(2024, 2, 10, 14, 5, 7),
      zone: 'naive',
      offsetMs: 0,
      dateOnly: false,
    });
    expect(scan('  2024-02-29\t')).toEqual({
      localMs: Date.UTC(2024, 1, 29),
      zone: 'naive',
      offsetMs: 0,
      dateOnly: true,
    });
  });

  it('reads a range of a longer text in place', () => {
    const out = createIsoScan();
    const text = 'x,2024-03-10T14:05:00Z,1';
    expect(scanIsoTimestamp(text, out, 2, 22)).toBe(true);
    expect(out.localMs).toBe(Date.UTC(2024, 2, 10, 14, 5));
  });

  it.each([
    '',
    '2024',
    '2024-3-10',
    '2024-13-01',
    '2023-02-29',
    '2024-04-31',
    '2024-03-10T24:00',
    '2024-03-10T12:60',
    '2024-03-10T12:00:60',
    '2024-03-10T12',
    '2024-03-10X12:00',
    '2024-03-10T12:00:00.Z',
    '2024-03-10T12:00:00+2',
    '2024-03-10T12:00:00+24:00',
    '2024-03-10T12:00:00+02:60',
    '2024-03-10T12:00:00Zjunk',
    '2024-03-10T12:00:00 Z',
    '10/03/2024',
    'Sun, 10 Mar 2024 12:00:00 GMT',
  ])('rejects %j', (text) => {
    expect(scan(text)).toBeUndefined();
  });

  it('agrees with Date.parse on every ISO Z text of 0001..9999 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(scan(iso)?.localMs).toBe(ms);
      }),
    );
  });

  it('daysFromCivil matches Date.UTC', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const date = new Date(0);
          date.setUTCFullYear(y, m - 1, d);
          expect(daysFromCivil(y, m, d) * 86_400_000).toBe(date.getTime());
        },
      ),
    );
  });
});
