import { HOUR_MS } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { demandSeries } from '../../test/demand-series.ts';
import { learnCalendarEffects } from './calendar-effects.ts';
import { calendarDayRules, DEFAULT_CALENDAR_PARAMS } from './calendar-params.ts';

const START = Date.UTC(2024, 0, 1); // demandSeries starts on Monday 2024-01-01
const hoursUntil = (iso: string) => (Date.parse(iso) - START) / HOUR_MS;

/** Index range [from, to) of a UTC date's hours in a series starting at START. */
function dayOf(iso: string): [number, number] {
  const from = hoursUntil(`${iso}T00:00:00Z`);
  return [from, from + 24];
}

/** demandSeries with each listed UTC date's demand multiplied by `factor`. */
function withDays(hours: number, dates: readonly string[], factor: number) {
  const ranges = dates.map(dayOf);
  return demandSeries(hours, (i, base) =>
    ranges.some(([a, b]) => i >= a && i < b) ? base * (factor - 1) : 0,
  );
}

const rules = (extra: Partial<typeof DEFAULT_CALENDAR_PARAMS> = {}, timeZone = 'UTC') =>
  calendarDayRules({ ...DEFAULT_CALENDAR_PARAMS, ...extra }, timeZone);

function learn(series: ReturnType<typeof demandSeries>, until: number, extra = {}, timeZone = 'UTC') {
  return learnCalendarEffects(
    series.timestamps.subarray(0, until),
    series.values.subarray(0, until),
    new Uint8Array(until),
    rules(extra, timeZone),
  );
}

describe('learnCalendarEffects', () => {
  it('learns the holidays a history dips on and applies them to next year', () => {
    // Independence Day and Thanksgiving at 60% in both years; nothing else special
    const dips = ['2024-07-04', '2024-11-28', '2025-07-04', '2025-11-27'];
    const series = withDays(2 * 8760, dips, 0.6);
    const until = hoursUntil('2025-11-20T00:00:00Z');
    const effects = learn(series, until);
    // the history's own multipliers, computed once while learning, are those of its timestamps
    expect(Array.from(effects.inHistory)).toEqual(
      Array.from(effects.multipliers(series.timestamps.subarray(0, until))),
    );
    expect(Math.min(...effects.inHistory)).toBeCloseTo(0.6, 1);
    const byKey = Object.fromEntries(effects.effects.map((e) => [e.key, e]));
    expect(Object.keys(byKey).sort()).toEqual(['holiday:Independence Day', 'holiday:Thanksgiving']);
    expect(byKey['holiday:Independence Day']!.multiplier).toBeCloseTo(0.6, 1);
    expect(byKey['holiday:Independence Day']!.occurrences).toBe(2);
    expect(byKey['holiday:Thanksgiving']!.multiplier).toBeCloseTo(0.6, 1);
    const [from] = dayOf('2025-11-27');
    const next = effects.multipliers(series.timestamps.subarray(from - 24, from + 48));
    expect(next[23]).toBe(1); // Wednesday 23:00
    expect(next[24]).toBeCloseTo(0.6, 1); // Thanksgiving 00:00 .. 23:00
    expect(next[47]).toBe(next[24]);
    expect(next[48]).toBe(1); // the day after: its rule exists, but the history showed no effect
  });

  it('keeps nothing when the holidays are ordinary days', () => {
    const series = demandSeries(2 * 8760);
    const effects = learn(series, series.values.length);
    expect(effects.effects).toEqual([]);
    expect(effects.ordinarySpread).toBeGreaterThan(0);
    expect(effects.ordinarySpread).toBeLessThan(0.02);
    expect([...effects.multipliers(series.timestamps)].every((m) => m === 1)).toBe(true);
  });

  it('learns a quarter-end lift by days left, and only where it is', () => {
    const quarterEnds = ['03-29', '03-30', '03-31', '06-28', '06-29', '06-30', '09-28', '09-29', '09-30'];
    const lifted = [2024, 2025].flatMap((y) =>
      [...quarterEnds, '12-29', '12-30', '12-31'].map((d) => `${y}-${d}`),
    );
    const series = withDays(2 * 8760, lifted, 1.15);
    const effects = learn(series, hoursUntil('2025-12-01T00:00:00Z'), { holidays: 'none' });
    const keys = effects.effects.map((e) => e.key).sort();
    expect(keys).toEqual(['quarter-end:1', 'quarter-end:2', 'quarter-end:3']);
    for (const e of effects.effects) expect(e.multiplier).toBeCloseTo(1.15, 1);
    const [from] = dayOf('2025-12-29');
    expect(effects.multipliers(series.timestamps.subarray(from - 1, from + 1))[1]).toBeCloseTo(1.15, 1);
  });

  it('lets a holiday seen only on a weekend stand in for a weekday one', () => {
    // a custom yearly date: Saturday 2024-03-16 and Sunday 2025-03-16 at 50%, Monday in 2026
    const series = withDays(hoursUntil('2026-03-20T00:00:00Z'), ['2024-03-16', '2025-03-16'], 0.5);
    const effects = learn(series, hoursUntil('2026-03-10T00:00:00Z'), {
      holidays: 'none',
      customHolidays: ['03-16'],
    });
    expect(effects.effects.map((e) => e.key)).toEqual(['holiday:03-16 (weekend)']);
    const [from] = dayOf('2026-03-16');
    expect(effects.multipliers(series.timestamps.subarray(from, from + 1))[0]).toBeCloseTo(0.5, 1);
  });

  it('gives a holiday seen only on a weekend what the weekday holidays do on a weekday', () => {
    // 03-16 on Saturday 2024 and Sunday 2025 at 85% (a quiet day anyway); 05-15 on Wednesday
    // 2024 and Thursday 2025 at 60%. On Monday 2026-03-16 the platform notices 03-16 as it
    // noticed 05-15 on weekdays, not as it noticed it on a weekend.
    const dips = demandSeries(hoursUntil('2026-03-20T00:00:00Z'), (i, base) => {
      const date = new Date(START + i * HOUR_MS).toISOString().slice(0, 10);
      if (date === '2024-03-16' || date === '2025-03-16') return -0.15 * base;
      if (date === '2024-05-15' || date === '2025-05-15') return -0.4 * base;
      return 0;
    });
    const effects = learn(dips, hoursUntil('2026-03-10T00:00:00Z'), {
      holidays: 'none',
      customHolidays: ['03-16', '05-15'],
    });
    const byKey = Object.fromEntries(effects.effects.map((e) => [e.key, e.multiplier]));
    expect(Object.keys(byKey).sort()).toEqual(['holiday:03-16 (weekend)', 'holiday:05-15']);
    expect(byKey['holiday:03-16 (weekend)']).toBeCloseTo(0.85, 1);
    const [monday] = dayOf('2026-03-16');
    const on = effects.multipliers(dips.timestamps.subarray(monday, monday + 1))[0]!;
    expect(on).toBeCloseTo(byKey['holiday:05-15']!, 10);
    expect(on).toBeCloseTo(0.6, 1);
  });

  it('takes a weekday holiday to a weekend only down to the level it brings a weekday to', () => {
    // Independence Day at 60% of a weekday on Thursday 2024 and Friday 2025; the fixture's
    // weekends run at 75% of a weekday. On Saturday 2026-07-04 the holiday brings demand to 60%
    // of a weekday, which is 80% of that Saturday, not 60% of it.
    const series = withDays(hoursUntil('2026-07-10T00:00:00Z'), ['2024-07-04', '2025-07-04'], 0.6);
    const effects = learn(series, hoursUntil('2026-06-20T00:00:00Z'), { phaseCycles: false });
    const byKey = Object.fromEntries(effects.effects.map((e) => [e.key, e.multiplier]));
    expect(byKey['holiday:Independence Day']).toBeCloseTo(0.6, 1);
    const [saturday] = dayOf('2026-07-04');
    const on = effects.multipliers(series.timestamps.subarray(saturday, saturday + 1))[0]!;
    expect(on).toBeCloseTo(byKey['holiday:Independence Day']! / 0.75, 1);
    expect(on).toBeGreaterThan(0.75);
  });

  it('assumes a major holiday it could not measure behaves as the major holidays it kept', () => {
    // Independence Day and Thanksgiving at 60% in 2024 and 2025; Christmas Day 2024 hidden under
    // a spike (skipped), as are both Veterans Days (a minor holiday): neither was ever measured.
    const dips = ['2024-07-04', '2024-11-28', '2025-07-04', '2025-11-27'];
    const series = withDays(hoursUntil('2025-12-20T00:00:00Z'), dips, 0.6);
    const skip = new Uint8Array(series.values.length);
    for (const date of ['2024-12-25', '2024-11-11', '2025-11-11']) skip.fill(1, ...dayOf(date));
    const effects = learnCalendarEffects(series.timestamps, series.values, skip, rules());
    const keys = effects.effects.map((e) => e.key).sort();
    expect(keys).toEqual(['holiday:Independence Day', 'holiday:Thanksgiving']);
    const at = (iso: string) => effects.multipliers(Float64Array.of(Date.parse(iso)))[0]!;
    const majors = effects.effects.map((e) => e.multiplier).sort();
    expect(at('2025-12-25T12:00:00Z')).toBeCloseTo((majors[0]! + majors[1]!) / 2, 10);
    expect(at('2025-12-25T12:00:00Z')).toBeCloseTo(0.6, 1);
    expect(at('2026-11-11T12:00:00Z')).toBe(1); // Veterans Day: minor, never measured
    expect(at('2025-09-01T12:00:00Z')).toBe(1); // Labor Day: measured, no effect
  });

  it('reads holidays on local dates of the series time zone', () => {
    // Independence Day at 60% from local midnight in New York (04:00 UTC in July)
    const local = ['2024-07-04', '2025-07-04'].map((d) => hoursUntil(`${d}T04:00:00Z`));
    const series = demandSeries(2 * 8760, (i, base) =>
      local.some((a) => i >= a && i < a + 24) ? -0.4 * base : 0,
    );
    const effects = learn(series, hoursUntil('2025-06-01T00:00:00Z'), {}, 'America/New_York');
    expect(effects.effects.map((e) => e.key)).toEqual(['holiday:Independence Day']);
    const at = (iso: string) => effects.multipliers(Float64Array.of(Date.parse(iso)))[0]!;
    expect(at('2025-07-04T03:00:00Z')).toBe(1); // 23:00 on July 3 in New York
    expect(at('2025-07-04T04:00:00Z')).toBeCloseTo(0.6, 1);
    expect(at('2025-07-05T03:00:00Z')).toBeCloseTo(0.6, 1);
    expect(at('2025-07-05T04:00:00Z')).toBe(1);
  });
});
