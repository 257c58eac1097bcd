import {
  CdfError,
  DAY_MS,
  HOUR_MS,
  PlannedEventSchema,
  plannedEventMultiplier,
  SPIKE_TYPES,
  SpikeEventSchema,
  type SpikeType,
} from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { SYNTHETIC_EVENT_KINDS } from './event-catalog.ts';
import { generateSynthetic, type SyntheticData } from './generate-synthetic.ts';
import { holidayOn } from './holidays.ts';
import { createLocalCalendar } from './local-calendar.ts';
import { syntheticToCsv } from './synthetic-csv.ts';
import { FLOPS_PER_TOKEN } from './workload-model.ts';

// Two years hourly, the span the seed system described; 2022 and 2023 have 730 days.
const TWO_YEARS = { start: '2022-01-01T00:00:00Z', end: '2024-01-01T00:00:00Z', seed: 42 } as const;
const data = generateSynthetic(TWO_YEARS);
const counterfactual = generateSynthetic({ ...TWO_YEARS, applyEvents: false });
const compute = data.columns.compute_tflops!;
const base = counterfactual.columns.compute_tflops!;

const byType = (d: SyntheticData, type: SpikeType) => d.events.filter((e) => e.type === type);
const rowOf = (d: SyntheticData, t: number) => (t - d.options.start) / d.options.stepMs;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The event_type column the events table implies: each event's type on rows start..end. */
function columnFromEvents(d: SyntheticData): string[] {
  const column: string[] = new Array(d.timestamps.length).fill('');
  for (const e of d.events) for (let i = rowOf(d, e.start); i <= rowOf(d, e.end); i++) column[i] = e.type;
  return column;
}

describe('generateSynthetic: shape and reproducibility', () => {
  it('gives 17,520 hourly rows for two years, from start up to (not including) end', () => {
    expect(data.timestamps.length).toBe(17_520);
    expect(data.timestamps[0]).toBe(Date.parse('2022-01-01T00:00:00Z'));
    expect(data.timestamps[17_519]).toBe(Date.parse('2023-12-31T23:00:00Z'));
    for (let i = 1; i < data.timestamps.length; i++)
      expect(data.timestamps[i]! - data.timestamps[i - 1]!).toBe(HOUR_MS);
    for (const column of Object.values(data.columns)) expect(column.length).toBe(17_520);
    expect(data.eventType.length).toBe(17_520);
  });

  it('writes identical CSV bytes for the same seed and different ones for another seed', () => {
    const again = syntheticToCsv(generateSynthetic(TWO_YEARS));
    const csv = syntheticToCsv(data);
    expect(again).toBe(csv);
    const other = generateSynthetic({ ...TWO_YEARS, seed: 43 });
    expect(syntheticToCsv(other)).not.toBe(csv);
    expect(other.events.map((e) => e.start)).not.toEqual(data.events.map((e) => e.start));
  });

  it('grows from about 100 to about 500 TFLOPS (weekly means at both ends)', () => {
    const firstWeeks = mean(Array.from(base.subarray(0, 4 * 168)));
    const lastWeeks = mean(Array.from(base.subarray(base.length - 4 * 168)));
    // The first four weeks start the ramp (mean trend ~102); the last four end it (~494).
    expect(firstWeeks).toBeGreaterThan(90);
    expect(firstWeeks).toBeLessThan(115);
    expect(lastWeeks).toBeGreaterThan(440);
    expect(lastWeeks).toBeLessThan(540);
  });

  it('writes every value finite and non-negative, counts whole', () => {
    for (const [name, column] of Object.entries(data.columns)) {
      for (const x of column) {
        expect(Number.isFinite(x) && x >= 0, name).toBe(true);
      }
    }
    for (const x of data.columns.request_count!) expect(Number.isInteger(x)).toBe(true);
  });
});

describe('generateSynthetic: events', () => {
  it('places the expected number of events of each type for two years', () => {
    const counts = Object.fromEntries(SPIKE_TYPES.map((t) => [t, byType(data, t).length]));
    // One launch every 2-3 months, 15 viral events, ~2 abuse bursts a month, a few growth phases.
    expect(counts.feature_launch).toBeGreaterThanOrEqual(8);
    expect(counts.feature_launch).toBeLessThanOrEqual(12);
    expect(counts.viral_event).toBe(15);
    expect(counts.api_abuse).toBeGreaterThanOrEqual(44);
    expect(counts.api_abuse).toBeLessThanOrEqual(52);
    expect(counts.gradual_growth).toBeGreaterThanOrEqual(2);
    expect(counts.gradual_growth).toBeLessThanOrEqual(6);
  });

  it('scales the default counts with the span, keeping at least one where it fits', () => {
    const year = generateSynthetic({ start: '2023-01-01', end: '2024-01-01' });
    expect(byType(year, 'viral_event').length).toBe(8); // 15 * 365 / 730 = 7.5, rounded
    expect(byType(year, 'api_abuse').length).toBe(24);
    const month = generateSynthetic({ start: '2023-01-01', end: '2023-01-31' });
    expect(byType(month, 'feature_launch').length).toBe(1);
    expect(byType(month, 'viral_event').length).toBe(1);
    expect(byType(month, 'api_abuse').length).toBe(2);
    expect(byType(month, 'gradual_growth').length).toBe(0);
    const days = generateSynthetic({ start: '2023-01-01', end: '2023-01-04' });
    expect(days.events.map((e) => e.type)).toEqual(['api_abuse']);
  });

  it('honours explicit counts, zero included', () => {
    const d = generateSynthetic({
      ...TWO_YEARS,
      launches: 3,
      viralEvents: 0,
      abuseBurstsPerMonth: 0,
      growthPhases: 1,
    });
    expect(SPIKE_TYPES.map((t) => byType(d, t).length)).toEqual([3, 0, 0, 1]);
  });

  it('keeps events apart: time order, no overlap, at least a day between them', () => {
    for (let k = 1; k < data.events.length; k++) {
      expect(data.events[k]!.start - data.events[k - 1]!.end).toBeGreaterThanOrEqual(DAY_MS);
    }
  });

  it('gives every event a peak ratio over the event-free series inside its type range', () => {
    for (const e of data.events) {
      const i = rowOf(data, e.peak);
      const ratio = compute[i]! / base[i]!;
      const [lo, hi] = SYNTHETIC_EVENT_KINDS[e.type].multiplier;
      expect(ratio, e.name).toBeGreaterThanOrEqual(lo - 0.01);
      expect(ratio, e.name).toBeLessThanOrEqual(hi + 0.01);
      // magnitude is the multiplier at the peak, up to the rounding of requests and tokens.
      expect(Math.abs(ratio / e.magnitude - 1), e.name).toBeLessThan(1e-3);
      expect(e.peak_value).toBe(compute[i]);
      expect(e.start <= e.peak && e.peak <= e.end).toBe(true);
    }
  });

  it('gives every event a duration inside its type range', () => {
    for (const e of data.events) {
      const duration = e.end - e.start + HOUR_MS;
      const [lo, hi] = SYNTHETIC_EVENT_KINDS[e.type].durationMs;
      expect(duration, e.name).toBeGreaterThanOrEqual(lo);
      expect(duration, e.name).toBeLessThanOrEqual(hi);
    }
  });

  it('labels exactly the rows of the events table in event_type', () => {
    expect(data.eventType).toEqual(columnFromEvents(data));
    expect(data.eventType.filter((t) => t !== '').length).toBeGreaterThan(1000);
  });

  it('leaves rows outside events identical to the event-free series (noise does not shift)', () => {
    let outside = 0;
    for (let i = 0; i < compute.length; i++) {
      if (data.eventType[i] !== '') continue;
      outside++;
      for (const name of Object.keys(data.columns)) {
        if (data.columns[name]![i] !== counterfactual.columns[name]![i])
          throw new Error(`${name} differs at row ${i}`);
      }
    }
    expect(outside).toBeGreaterThan(12_000);
    expect(counterfactual.events).toEqual([]);
    expect(counterfactual.eventType.every((t) => t === '')).toBe(true);
  });

  it('matches the SpikeEvent schema and names every event, launches uniquely', () => {
    for (const e of data.events) expect(SpikeEventSchema.parse(e)).toEqual(e);
    const launches = byType(data, 'feature_launch').map((e) => e.name);
    expect(new Set(launches).size).toBe(launches.length);
    expect(launches.every((name) => name?.endsWith(' launch'))).toBe(true);
  });

  it('lists launches in the seed shape that reproduce the generated launch profile when fed back', () => {
    const historical = byType(data, 'feature_launch');
    expect(data.plannedLaunches.length).toBe(historical.length + 2);
    const future = data.plannedLaunches.slice(historical.length);
    for (const launch of future) expect(Date.parse(launch.date)).toBeGreaterThanOrEqual(data.options.end);
    expect(counterfactual.plannedLaunches).toEqual(future);
    for (const [k, e] of historical.entries()) {
      const planned = PlannedEventSchema.parse(data.plannedLaunches[k]);
      expect(planned.name).toBe(e.name);
      expect(planned.start).toBe(e.start);
      for (let i = rowOf(data, e.start); i <= rowOf(data, e.end); i++) {
        const expected = plannedEventMultiplier(planned, data.timestamps[i]!);
        expect(Math.abs(compute[i]! / base[i]! / expected - 1)).toBeLessThan(2e-3);
      }
      expect(plannedEventMultiplier(planned, e.end + HOUR_MS)).toBe(1);
    }
  });

  it('leaves a lasting level after a growth phase', () => {
    let checked = 0;
    for (const e of byType(data, 'gradual_growth')) {
      const before = rowOf(data, e.start) - 1;
      const after = rowOf(data, e.end) + 1;
      // Same hour of the same weekday, a week before and a week after: the series is higher after.
      const weekBefore = mean(Array.from(base.subarray(before - 168, before)));
      const weekAfter = mean(Array.from(compute.subarray(after, after + 168)));
      if (data.eventType.slice(after, after + 168).some((t) => t !== '')) continue;
      expect(weekAfter / weekBefore, e.name).toBeGreaterThan(1.05);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});

describe('generateSynthetic: the workload follows demand', () => {
  const requests = data.columns.request_count!;
  const tokens = data.columns.avg_tokens_per_request!;

  it('keeps requests x tokens x FLOPs per token equal to compute on every row (up to 3-decimal rounding)', () => {
    let worst = 0;
    for (let i = 0; i < compute.length; i++) {
      const implied = (requests[i]! * tokens[i]! * FLOPS_PER_TOKEN) / (3600 * 1e12);
      worst = Math.max(worst, Math.abs(implied - compute[i]!));
    }
    expect(worst).toBeLessThanOrEqual(0.0005 + 1e-9);
  });

  it('mixes requests and tokens by event type: abuse is many tiny requests, launches longer ones', () => {
    const tokenRatio = (type: SpikeType) =>
      mean(
        byType(data, type).map(
          (e) =>
            tokens[rowOf(data, e.peak)]! /
            counterfactual.columns.avg_tokens_per_request![rowOf(data, e.peak)]!,
        ),
      );
    const requestRatio = (type: SpikeType) =>
      mean(
        byType(data, type).map(
          (e) => requests[rowOf(data, e.peak)]! / counterfactual.columns.request_count![rowOf(data, e.peak)]!,
        ),
      );
    expect(tokenRatio('api_abuse')).toBeLessThan(0.5);
    expect(requestRatio('api_abuse')).toBeGreaterThan(6);
    expect(tokenRatio('viral_event')).toBeCloseTo(1, 5);
    expect(requestRatio('viral_event')).toBeGreaterThan(2);
    expect(tokenRatio('feature_launch')).toBeGreaterThan(1.5);
    expect(tokenRatio('gradual_growth')).toBeCloseTo(1, 5);
  });

  it('raises latency and queue depth with utilisation', () => {
    const latency = data.columns.p95_latency_ms!;
    const queue = data.columns.queue_depth!;
    const latencyRatios: number[] = [];
    const queueRatios: number[] = [];
    // Within an event-free week the fleet is (nearly) fixed, so demand orders utilisation.
    for (let w = 0; w + 168 <= compute.length; w += 168) {
      if (data.eventType.slice(w, w + 168).some((t) => t !== '')) continue;
      const rows = Array.from({ length: 168 }, (_, k) => w + k).sort((a, b) => compute[a]! - compute[b]!);
      const low = rows.slice(0, 17);
      const high = rows.slice(-17);
      latencyRatios.push(mean(high.map((i) => latency[i]!)) / mean(low.map((i) => latency[i]!)));
      queueRatios.push(mean(high.map((i) => queue[i]!)) / mean(low.map((i) => queue[i]!)));
    }
    expect(latencyRatios.length).toBeGreaterThan(20);
    expect(Math.min(...latencyRatios)).toBeGreaterThan(1.5);
    expect(Math.min(...queueRatios)).toBeGreaterThan(2);
    // A launch saturates the fleet: latency at its peak exceeds the event-free latency many times.
    for (const e of byType(data, 'feature_launch')) {
      const i = rowOf(data, e.peak);
      expect(latency[i]! / counterfactual.columns.p95_latency_ms![i]!).toBeGreaterThan(3);
    }
  });
});

describe('generateSynthetic: calendar', () => {
  const utc = createLocalCalendar('UTC');

  it('makes weekends about 30% lower than weekdays in event-free, holiday-free weeks', () => {
    const ratios: number[] = [];
    // 2022-01-03 is a Monday; walk whole Monday-Sunday weeks.
    for (let w = 48; w + 168 <= compute.length; w += 168) {
      const rows = Array.from({ length: 168 }, (_, k) => w + k);
      if (rows.some((i) => data.eventType[i] !== '')) continue;
      const holiday = rows.some((i) => {
        const l = utc.localTime(data.timestamps[i]!);
        return holidayOn(l.year, l.month, l.day, l.weekday) !== undefined;
      });
      if (holiday) continue;
      ratios.push(
        mean(rows.slice(120).map((i) => compute[i]!)) / mean(rows.slice(0, 120).map((i) => compute[i]!)),
      );
    }
    expect(ratios.length).toBeGreaterThanOrEqual(20);
    expect(mean(ratios)).toBeGreaterThan(0.67);
    expect(mean(ratios)).toBeLessThan(0.73);
  });

  it('peaks in business hours, local time, moving with daylight saving', () => {
    const ny = generateSynthetic({ ...TWO_YEARS, timeZone: 'America/New_York', applyEvents: false });
    const nyCalendar = createLocalCalendar('America/New_York');
    const y = ny.columns.compute_tflops!;
    const business: number[] = [];
    const night: number[] = [];
    for (let i = 0; i < y.length; i++) {
      const hour = nyCalendar.localTime(ny.timestamps[i]!).hour;
      if (hour >= 9 && hour < 17) business.push(y[i]!);
      else if (hour < 6) night.push(y[i]!);
    }
    expect(mean(business) / mean(night)).toBeGreaterThan(1.4);

    // Circular mean of the UTC hour of demand in a winter and a summer month: one hour apart.
    const phase = (from: string, to: string) => {
      let s = 0;
      let c = 0;
      for (let t = Date.parse(from); t < Date.parse(to); t += HOUR_MS) {
        const i = rowOf(ny, t);
        const angle = (2 * Math.PI * new Date(t).getUTCHours()) / 24;
        s += y[i]! * Math.sin(angle);
        c += y[i]! * Math.cos(angle);
      }
      return ((Math.atan2(s, c) * 24) / (2 * Math.PI) + 24) % 24;
    };
    const winter = phase('2023-01-09T00:00:00Z', '2023-02-06T00:00:00Z');
    const summer = phase('2023-07-10T00:00:00Z', '2023-08-07T00:00:00Z');
    expect(winter).toBeCloseTo(18, 0); // 13:00 EST
    expect(summer).toBeCloseTo(17, 0); // 13:00 EDT
    expect(winter - summer).toBeGreaterThan(0.8);
    expect(winter - summer).toBeLessThan(1.2);
  });

  it('lowers demand on holidays to about 60% of the same weekday a week before or after', () => {
    const daily = (day: number) => mean(Array.from(base.subarray(day * 24, day * 24 + 24)));
    const ratios: number[] = [];
    for (let day = 7; day < 730 - 7; day++) {
      const l = utc.localTime(counterfactual.timestamps[day * 24]!);
      if (l.weekday === 0 || l.weekday === 6 || !holidayOn(l.year, l.month, l.day, l.weekday)) continue;
      const neighbours = [day - 7, day + 7].filter((d) => {
        const n = utc.localTime(counterfactual.timestamps[d * 24]!);
        return !holidayOn(n.year, n.month, n.day, n.weekday);
      });
      ratios.push(daily(day) / mean(neighbours.map(daily)));
    }
    // Weekday holidays of 2022-2023 at least a week from either end: 6.
    expect(ratios.length).toBe(6);
    for (const r of ratios) {
      expect(r).toBeGreaterThan(0.5);
      expect(r).toBeLessThan(0.72);
    }
  });

  it('lifts the last days of each quarter above the week before', () => {
    const daily = (day: number) => mean(Array.from(base.subarray(day * 24, day * 24 + 24)));
    const quarterEnds = ['2022-03-31', '2022-06-30', '2022-09-30', '2023-03-31', '2023-06-30', '2023-09-29'];
    const growthEnds = byType(data, 'gradual_growth').map((e) => e.end);
    let checked = 0;
    for (const end of quarterEnds) {
      const day = Date.parse(`${end}T00:00:00Z`) / DAY_MS - Date.parse('2022-01-01T00:00:00Z') / DAY_MS;
      const from = data.timestamps[(day - 7) * 24]!;
      // A growth phase ending in between would lift the level too: skip those quarters.
      if (growthEnds.some((t) => t >= from && t < from + 8 * DAY_MS)) continue;
      checked++;
      // Last day against the same weekday a week earlier (both weekdays or both weekend days).
      expect(daily(day) / daily(day - 7), end).toBeGreaterThan(1.05);
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});

describe('generateSynthetic: other steps and bad options', () => {
  it('generates 5-minute data with abuse bursts of 1-6 hours on the finer grid', () => {
    const fine = generateSynthetic({ start: '2023-03-01', end: '2023-04-01', stepMs: 5 * 60_000, seed: 3 });
    expect(fine.timestamps.length).toBe(31 * 288);
    expect(fine.eventType).toEqual(columnFromEvents(fine));
    const abuse = byType(fine, 'api_abuse');
    expect(abuse.length).toBe(2);
    for (const e of abuse) {
      const duration = e.end - e.start + 5 * 60_000;
      expect(duration).toBeGreaterThanOrEqual(HOUR_MS);
      expect(duration).toBeLessThanOrEqual(6 * HOUR_MS);
    }
    const c = fine.columns;
    for (let i = 0; i < fine.timestamps.length; i += 97) {
      const implied = (c.request_count![i]! * c.avg_tokens_per_request![i]! * FLOPS_PER_TOKEN) / (300 * 1e12);
      expect(Math.abs(implied - c.compute_tflops![i]!)).toBeLessThanOrEqual(0.0005 + 1e-9);
    }
  });

  it('throws a CdfError naming the option for bad input', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        if (!CdfError.isInstance(error)) throw error;
        return `${error.code} ${error.location.column}`;
      }
      return 'no error';
    };
    expect(codeOf(() => generateSynthetic({ start: '2024-01-02', end: '2024-01-01' }))).toBe(
      'INVALID_CONFIG end',
    );
    expect(codeOf(() => generateSynthetic({ start: 'yesterday', end: '2024-01-01' }))).toBe(
      'INVALID_TIMESTAMP start',
    );
    expect(codeOf(() => generateSynthetic({ start: '2024-01-01T00:00', end: '2024-02-01' }))).toBe(
      'INVALID_TIMESTAMP start',
    );
    expect(codeOf(() => generateSynthetic({ start: '2024-01-01', end: '2024-02-01', stepMs: 10 }))).toBe(
      'INVALID_CONFIG stepMs',
    );
    expect(
      codeOf(() => generateSynthetic({ start: '2024-01-01', end: '2024-02-01', timeZone: 'Nowhere/City' })),
    ).toBe('INVALID_CONFIG timeZone');
    expect(codeOf(() => generateSynthetic({ start: '2024-01-01', end: '2024-02-01', launches: -1 }))).toBe(
      'INVALID_CONFIG launches',
    );
    expect(codeOf(() => generateSynthetic({ start: '2024-01-01', end: '2024-02-01', launches: 20 }))).toBe(
      'INVALID_CONFIG feature_launch',
    );
    expect(codeOf(() => generateSynthetic({ start: 0, end: 1e15 }))).toBe('INVALID_CONFIG end');
  });

  it('accepts epoch milliseconds and offsets for start and end', () => {
    const a = generateSynthetic({
      start: Date.parse('2024-01-01T00:00:00Z'),
      end: '2024-01-08T01:00:00+01:00',
    });
    expect(a.timestamps.length).toBe(168);
    expect(a.options.timeZone).toBe('UTC');
    expect(a.options.seed).toBe(42);
  });
});
