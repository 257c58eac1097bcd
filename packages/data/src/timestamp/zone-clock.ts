import { CdfError, CdfErrorCode, DAY_MS } from '@cdf/core';

/** Offsets are cached per span of this length (a day): spans holding a transition are computed exactly. */
const SPAN_MS = DAY_MS;

/**
 * Converts between UTC instants and the wall clock of one IANA time zone, DST-correct, using
 * `Intl.DateTimeFormat` for the zone rules and caching offsets per day so that converting
 * millions of timestamps costs a map lookup each (one entry per day seen, not per row).
 *
 * Wall-clock times that a DST change makes special follow one rule, the one of Temporal's
 * `disambiguation: 'compatible'` (and of `java.time`, and of most databases):
 * - a time that occurs twice (fall back, e.g. 01:30 on 2024-11-03 in America/New_York) is the
 *   EARLIER of the two instants, i.e. read with the offset in force before the change (EDT);
 * - a time that never occurs (spring forward, e.g. 02:30 on 2024-03-10 in America/New_York) is
 *   read with the offset in force before the change, which lands after the gap
 *   (02:30 EST = 07:30Z = 03:30 EDT).
 */
export class ZoneClock {
  /** The IANA zone name, as given. */
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat | undefined;
  /** Offset (ms) by UTC day index; NaN for a day that contains a transition. */
  private readonly offsetByUtcSpan = new Map<number, number>();
  /** Offset (ms) by local day index; NaN for a local day near a transition. */
  private readonly offsetByLocalSpan = new Map<number, number>();
  private lastLocalSpan = Number.NaN;
  private lastLocalOffset = 0;

  /** Throws a CdfError INVALID_CONFIG when `timeZone` is not a zone this runtime knows. */
  constructor(timeZone: string) {
    this.timeZone = timeZone;
    if (timeZone === 'UTC') {
      this.format = undefined;
      return;
    }
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch (cause) {
      throw new CdfError(CdfErrorCode.InvalidConfig, `unknown time zone "${timeZone}"`, {
        value: timeZone,
        expected: 'an IANA time zone name such as UTC, Europe/Berlin or America/New_York',
        cause,
      });
    }
  }

  /** The zone's offset at a UTC instant, in ms: local wall clock = `utcMs + offset`. */
  offsetAt(utcMs: number): number {
    if (this.format === undefined) return 0;
    const span = Math.floor(utcMs / SPAN_MS);
    let offset = this.offsetByUtcSpan.get(span);
    if (offset === undefined) {
      const start = this.exactOffsetAt(span * SPAN_MS);
      const end = this.exactOffsetAt((span + 1) * SPAN_MS - 1);
      offset = start === end ? start : Number.NaN;
      this.offsetByUtcSpan.set(span, offset);
    }
    return Number.isNaN(offset) ? this.exactOffsetAt(utcMs) : offset;
  }

  /**
   * The UTC instant of a wall-clock time in this zone. `localMs` is the wall clock written as if
   * it were UTC (what `Date.UTC(y, m, d, h, mi, s)` gives). Gaps and overlaps follow the class rule.
   */
  toUtc(localMs: number): number {
    if (this.format === undefined) return localMs;
    const span = Math.floor(localMs / SPAN_MS);
    if (span === this.lastLocalSpan) return localMs - this.lastLocalOffset;
    let offset = this.offsetByLocalSpan.get(span);
    if (offset === undefined) {
      offset = this.uniformOffsetOfLocalSpan(span * SPAN_MS);
      this.offsetByLocalSpan.set(span, offset);
    }
    if (Number.isNaN(offset)) return this.exactToUtc(localMs);
    this.lastLocalSpan = span;
    this.lastLocalOffset = offset;
    return localMs - offset;
  }

  /** The offset every wall-clock time of the local span starting at `local` maps with, or NaN. */
  private uniformOffsetOfLocalSpan(local: number): number {
    const before = this.offsetAt(local - DAY_MS);
    const after = this.offsetAt(local + SPAN_MS + DAY_MS);
    if (before !== after) return Number.NaN;
    if (this.offsetAt(local - before) !== before) return Number.NaN;
    if (this.offsetAt(local + SPAN_MS - 1 - before) !== before) return Number.NaN;
    return before;
  }

  private exactToUtc(localMs: number): number {
    // Offsets a day either side bracket any transition near this wall-clock time.
    const before = this.offsetAt(localMs - DAY_MS);
    const after = this.offsetAt(localMs + DAY_MS);
    const early = localMs - before;
    const late = localMs - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    return early; // in a gap: the offset before the change
  }

  private exactOffsetAt(utcMs: number): number {
    const format = this.format!;
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of format.formatToParts(utcMs)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        case 'era':
          bc = part.value.startsWith('B');
          break;
      }
    }
    if (bc) year = 1 - year;
    const local = Date.UTC(2000, month - 1, day, hour, minute, second);
    // Date.UTC maps years 0-99 to 1900-1999, so set the year separately.
    const date = new Date(local);
    date.setUTCFullYear(year, month - 1, day);
    const flooredUtc = Math.floor(utcMs / 1000) * 1000;
    return date.getTime() - flooredUtc;
  }
}

const clocks = new Map<string, ZoneClock>();

/**
 * The shared {@link ZoneClock} of a zone (one per zone per process, so offset caches are reused
 * across files). Throws a CdfError INVALID_CONFIG for an unknown zone.
 */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    clock = new ZoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}
