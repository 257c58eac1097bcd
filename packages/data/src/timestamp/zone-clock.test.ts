import { CdfError } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZoneClock, zoneClock } from './zone-clock.ts';

const local = (text: string) => Date.parse(`${text}Z`);
const iso = (ms: number) => new Date(ms).toISOString();

/** The wall clock of `utcMs` in `zone` per Intl, as if UTC: the reference for the property. */
function wallClock(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(utcMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return (
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) +
    (((utcMs % 1000) + 1000) % 1000)
  );
}

describe('ZoneClock', () => {
  it('reads ordinary wall-clock times with the zone offset of the day', () => {
    const ny = zoneClock('America/New_York');
    expect(iso(ny.toUtc(local('2024-01-15T09:00:00')))).toBe('2024-01-15T14:00:00.000Z'); // EST
    expect(iso(ny.toUtc(local('2024-07-15T09:00:00')))).toBe('2024-07-15T13:00:00.000Z'); // EDT
    const berlin = zoneClock('Europe/Berlin');
    expect(iso(berlin.toUtc(local('2024-01-15T09:00:00')))).toBe('2024-01-15T08:00:00.000Z'); // CET
    expect(iso(berlin.toUtc(local('2024-07-15T09:00:00')))).toBe('2024-07-15T07:00:00.000Z'); // CEST
  });

  it('spring-forward gap: a nonexistent time is read with the offset before the change', () => {
    // New York, 2024-03-10: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist.
    const ny = zoneClock('America/New_York');
    expect(iso(ny.toUtc(local('2024-03-10T02:30:00')))).toBe('2024-03-10T07:30:00.000Z'); // = 03:30 EDT
    expect(iso(ny.toUtc(local('2024-03-10T01:59:00')))).toBe('2024-03-10T06:59:00.000Z');
    expect(iso(ny.toUtc(local('2024-03-10T03:00:00')))).toBe('2024-03-10T07:00:00.000Z');
    // Berlin, 2024-03-31: 02:00 CET jumps to 03:00 CEST.
    const berlin = zoneClock('Europe/Berlin');
    expect(iso(berlin.toUtc(local('2024-03-31T02:30:00')))).toBe('2024-03-31T01:30:00.000Z'); // = 03:30 CEST
    expect(iso(berlin.toUtc(local('2024-03-31T03:00:00')))).toBe('2024-03-31T01:00:00.000Z');
  });

  it('fall-back overlap: an ambiguous time is the earlier instant (offset before the change)', () => {
    // New York, 2024-11-03: 01:00-02:00 happens twice, first EDT (-4) then EST (-5).
    const ny = zoneClock('America/New_York');
    expect(iso(ny.toUtc(local('2024-11-03T01:30:00')))).toBe('2024-11-03T05:30:00.000Z');
    expect(iso(ny.toUtc(local('2024-11-03T02:00:00')))).toBe('2024-11-03T07:00:00.000Z');
    expect(iso(ny.toUtc(local('2024-11-03T00:59:00')))).toBe('2024-11-03T04:59:00.000Z');
    // Berlin, 2024-10-27: 02:00-03:00 happens twice, first CEST (+2) then CET (+1).
    const berlin = zoneClock('Europe/Berlin');
    expect(iso(berlin.toUtc(local('2024-10-27T02:30:00')))).toBe('2024-10-27T00:30:00.000Z');
    expect(iso(berlin.toUtc(local('2024-10-27T03:00:00')))).toBe('2024-10-27T02:00:00.000Z');
  });

  it('reads an hourly local day across both DST changes (23 and 25 hours)', () => {
    const ny = new ZoneClock('America/New_York');
    const spring = Array.from({ length: 24 }, (_, h) =>
      ny.toUtc(local('2024-03-10T00:00:00') + h * 3_600_000),
    );
    // 02:00 maps to 03:00 EDT, the same instant as 03:00: the day has 23 distinct hours.
    expect(new Set(spring).size).toBe(23);
    const fall = Array.from({ length: 24 }, (_, h) => ny.toUtc(local('2024-11-03T00:00:00') + h * 3_600_000));
    expect(fall[2]! - fall[1]!).toBe(2 * 3_600_000); // 01:00 EDT -> 02:00 EST skips the repeated hour
  });

  it('gives offsets at instants, including half-hour zones', () => {
    expect(zoneClock('Asia/Kolkata').offsetAt(Date.UTC(2024, 0, 1))).toBe(5.5 * 3_600_000);
    expect(zoneClock('UTC').offsetAt(Date.UTC(2024, 0, 1))).toBe(0);
    expect(zoneClock('Europe/Berlin').offsetAt(Date.parse('2024-10-27T00:59:59Z'))).toBe(7_200_000);
    expect(zoneClock('Europe/Berlin').offsetAt(Date.parse('2024-10-27T01:00:00Z'))).toBe(3_600_000);
  });

  it('rejects an unknown zone with INVALID_CONFIG', () => {
    const error = (() => {
      try {
        new ZoneClock('Mars/Olympus_Mons');
      } catch (e) {
        return e;
      }
    })();
    expect(CdfError.isInstance(error) && error.code).toBe('INVALID_CONFIG');
    expect((error as CdfError).toLine()).toBe(
      'unknown time zone "Mars/Olympus_Mons" (got "Mars/Olympus_Mons"; expected an IANA time zone name such as UTC, Europe/Berlin or America/New_York)',
    );
  });

  it('round-trips every instant 1970..2100 through its wall clock (earlier instant when ambiguous)', () => {
    const zones = [
      'America/New_York',
      'Europe/Berlin',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'America/Sao_Paulo',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.constantFrom(...zones),
        (utcMs, zone) => {
          const wall = wallClock(utcMs, zone);
          const back = zoneClock(zone).toUtc(wall);
          if (back !== utcMs) {
            // Only an ambiguous wall clock may map elsewhere: to the earlier instant with the same wall clock.
            expect(back).toBeLessThan(utcMs);
            expect(wallClock(back, zone)).toBe(wall);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
