import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../time.ts';
import {
  PlannedEventSchema,
  plannedEventEnd,
  plannedEventMultiplier,
  plannedEventsMultiplier,
  SpikeEventSchema,
} from './events.ts';

const start = Date.UTC(2025, 5, 1);

describe('PlannedEventSchema', () => {
  it("accepts the seed's shape, reading date as start", () => {
    const event = PlannedEventSchema.parse({
      date: '2025-06-01T00:00:00Z',
      name: 'GPT-5 launch',
      expected_multiplier: 6,
      expected_duration_hours: 72,
    });
    expect(event.start).toBe(start);
    expect(event.name).toBe('GPT-5 launch');
  });

  it('rejects naive timestamps, non-positive multipliers and ramps longer than the event', () => {
    expect(
      PlannedEventSchema.safeParse({
        start: '2025-06-01T00:00:00',
        name: 'x',
        expected_multiplier: 2,
        expected_duration_hours: 5,
      }).success,
    ).toBe(false);
    expect(
      PlannedEventSchema.safeParse({ start, name: 'x', expected_multiplier: 0, expected_duration_hours: 5 })
        .success,
    ).toBe(false);
    expect(
      PlannedEventSchema.safeParse({
        start,
        name: 'x',
        expected_multiplier: 2,
        expected_duration_hours: 5,
        ramp_hours: 4,
        decay_hours: 2,
      }).success,
    ).toBe(false);
  });
});

describe('plannedEventMultiplier', () => {
  const event = PlannedEventSchema.parse({
    start,
    name: 'launch',
    expected_multiplier: 5,
    expected_duration_hours: 100,
    ramp_hours: 10,
    decay_hours: 40,
  });
  const at = (h: number) => plannedEventMultiplier(event, start + h * HOUR_MS);

  it('is 1 outside the event', () => {
    expect(at(-1)).toBe(1);
    expect(at(100)).toBe(1);
    expect(at(500)).toBe(1);
  });

  it('ramps linearly, holds the plateau, then decays', () => {
    expect(at(0)).toBeCloseTo(1 + 4 * (1 / 10), 12);
    expect(at(4)).toBeCloseTo(1 + 4 * (5 / 10), 12);
    expect(at(9)).toBe(5);
    expect(at(30)).toBe(5);
    expect(at(59)).toBe(5);
    expect(at(60)).toBe(5); // decay starts at full effect
    expect(at(80)).toBeCloseTo(1 + 4 * (20 / 40), 12);
    expect(at(99)).toBeCloseTo(1 + 4 * (1 / 40), 12);
  });

  it('is monotone up the ramp and down the decay', () => {
    for (let h = 1; h < 10; h++) expect(at(h)).toBeGreaterThanOrEqual(at(h - 1));
    for (let h = 61; h < 100; h++) expect(at(h)).toBeLessThanOrEqual(at(h - 1));
  });

  it('multiplies overlapping events', () => {
    const other = PlannedEventSchema.parse({
      start,
      name: 'b',
      expected_multiplier: 2,
      expected_duration_hours: 100,
      ramp_hours: 0,
      decay_hours: 0,
    });
    expect(plannedEventsMultiplier([event, other], start + 30 * HOUR_MS)).toBe(10);
    expect(plannedEventsMultiplier([], start)).toBe(1);
  });

  it('defaults ramp and decay from the duration', () => {
    const plain = PlannedEventSchema.parse({
      start,
      name: 'p',
      expected_multiplier: 3,
      expected_duration_hours: 50,
    });
    expect(plannedEventMultiplier(plain, start + 25 * HOUR_MS)).toBe(3);
    expect(plannedEventMultiplier(plain, start)).toBeLessThan(3);
    expect(plannedEventMultiplier(plain, start + 49 * HOUR_MS)).toBeLessThan(3);
  });
});

describe('SpikeEventSchema', () => {
  it('requires start <= peak <= end', () => {
    const base = {
      start,
      end: start + 5 * HOUR_MS,
      peak_value: 10,
      magnitude: 3,
      type: 'api_abuse' as const,
    };
    expect(SpikeEventSchema.safeParse({ ...base, peak: start + HOUR_MS }).success).toBe(true);
    expect(SpikeEventSchema.safeParse({ ...base, peak: start + 9 * HOUR_MS }).success).toBe(false);
    expect(SpikeEventSchema.safeParse({ ...base, peak: start, type: 'meteor' }).success).toBe(false);
  });
});

describe('plannedEventEnd', () => {
  it('is the start plus the expected duration, the first instant the event no longer applies', () => {
    const event = {
      start: Date.UTC(2026, 11, 3),
      name: 'launch',
      expected_multiplier: 6,
      expected_duration_hours: 120,
    };
    expect(plannedEventEnd(event)).toBe(Date.UTC(2026, 11, 8));
    expect(plannedEventMultiplier(event, plannedEventEnd(event) - 3_600_000)).toBeGreaterThan(1);
    expect(plannedEventMultiplier(event, plannedEventEnd(event))).toBe(1);
  });
});
