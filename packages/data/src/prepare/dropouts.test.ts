import { HOUR_MS, MINUTE_MS } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { findDropouts } from './dropouts.ts';

/** `days` days hourly of `at(hour of the day, day)`. */
function hourly(days: number, at: (hour: number, day: number) => number): Float64Array {
  return Float64Array.from({ length: days * 24 }, (_, i) => at(i % 24, Math.floor(i / 24)));
}
const flagged = (mask: Uint8Array) => [...mask.keys()].filter((i) => mask[i] === 1);
/** A busy service: 4-9 million requests an hour over the day, +-3% from day to day. */
const busy = (hour: number, day: number) =>
  Math.round(1e6 * (6.5 + 2.5 * Math.sin((hour / 24) * 2 * Math.PI)) * (1 + 0.03 * Math.sin(day * 1.7)));

describe('findDropouts', () => {
  it('finds a lost trace among millions of requests: zeros and near-zero hours, one run or alone', () => {
    const values = hourly(14, busy);
    for (const i of [80, 81, 82, 83]) values[i] = 0; // 4 hours lost, as in ServeGen m-mid
    values[200] = 8_403; // a near-empty hour
    expect(flagged(findDropouts(values, HOUR_MS))).toEqual([80, 81, 82, 83, 200]);
  });

  it('skips missing points: neither judged nor neighbours, and they do not end a run', () => {
    const values = hourly(14, busy);
    values[100] = 0;
    values[101] = Number.NaN;
    values[102] = 0;
    values[124] = Number.NaN; // the same hour a day later is missing
    expect(flagged(findDropouts(values, HOUR_MS))).toEqual([100, 102]);
  });

  it('leaves near-zero nights that are near zero every night', () => {
    const values = hourly(14, (hour, day) => (hour < 4 ? 0 : busy(hour, day)));
    expect(flagged(findDropouts(values, HOUR_MS))).toEqual([]);
  });

  it('leaves a quiet weekend among busy weekdays (quiet hours around it, not a collapse)', () => {
    // M4 H136: weekdays in the thousands, weekend days at 15-97
    const values = hourly(21, (hour, day) => (day % 7 >= 5 ? 30 + hour : 1000 + 100 * hour));
    expect(flagged(findDropouts(values, HOUR_MS))).toEqual([]);
  });

  it('leaves a ramp down to near zero and back (traffic drained for maintenance): no collapse', () => {
    const values = hourly(14, busy);
    for (const [k, share] of [0.2, 0.05, 0.004, 0.003, 0.05, 0.2].entries()) values[150 + k]! *= share;
    expect(flagged(findDropouts(values, HOUR_MS))).toEqual([]);
    values[153] = 0;
    values[152] = 0; // the same hours lost outright, from full traffic, are dropouts
    values[151] = busy(151 % 24, 6);
    values[154] = busy(154 % 24, 6);
    expect(flagged(findDropouts(values, HOUR_MS))).toEqual([152, 153]);
  });

  it('leaves the zeros of small counts (a few tweets in 5 minutes)', () => {
    // counts 0-6 around a median of 3, every 5 minutes for 14 days
    const values = Float64Array.from({ length: 14 * 288 }, (_, i) => (i * 7919) % 7);
    expect(findDropouts(values, 5 * MINUTE_MS).some((v) => v === 1)).toBe(false);
  });

  it('finds the zeros of a continuous metric, at a 5-minute step too', () => {
    const values = Float64Array.from({ length: 10 * 288 }, (_, i) => 120 + 30 * Math.sin(i / 40) + 0.37);
    values[1500] = 0;
    expect(flagged(findDropouts(values, 5 * MINUTE_MS))).toEqual([1500]);
  });

  it('judges nothing at a step that does not divide a day, or without three neighbour days', () => {
    const values = hourly(14, busy);
    values[80] = 0;
    expect(flagged(findDropouts(values, 7 * HOUR_MS))).toEqual([]);
    const threeDays = hourly(3, busy);
    threeDays[40] = 0; // day 1: only days 0 and 2 around it
    expect(flagged(findDropouts(threeDays, HOUR_MS))).toEqual([]);
    const fourDays = hourly(4, busy);
    fourDays[40] = 0; // days 0, 2 and 3
    expect(flagged(findDropouts(fourDays, HOUR_MS))).toEqual([40]);
  });
});
