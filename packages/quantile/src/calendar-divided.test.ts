import { CdfError, type Series } from '@cdf/core';
import { generateSynthetic, syntheticSeries } from '@cdf/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyNaive } from '../test/seasonal-naive-forecaster.ts';
import {
  type CalendarMultipliers,
  calendarAt,
  futureTimes,
  regressorView,
  withCalendarDividedOut,
  withCalendarPutBack,
} from './calendar-divided.ts';
import { fitQuantileStage } from './fit-quantile-stage.ts';
import { type FittedQuantileStage, loadQuantileStage } from './fitted-quantile-stage.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function withValues(series: Series, values: Float64Array): Series {
  return { ...series, values, columns: { ...series.columns, [series.target]: values } };
}

describe('calendar division', () => {
  const series = withValues(
    {
      id: 'x',
      target: 'value',
      timestamps: Float64Array.from({ length: 48 }, (_, i) => i * HOUR),
      values: new Float64Array(0),
      filled: new Uint8Array(48),
      columns: {},
      stepMs: HOUR,
      timeZone: 'UTC',
    },
    Float64Array.from({ length: 48 }, (_, i) => 100 + i),
  );
  // the second day is a holiday at half demand
  const halfSecondDay: CalendarMultipliers = (at) =>
    Float64Array.from(at, (t) => (t >= DAY && t < 2 * DAY ? 0.5 : 1));

  it('divides the calendar out of the target, and puts it back on the steps after', () => {
    const divided = withCalendarDividedOut(series, halfSecondDay);
    expect(divided.values[10]).toBe(110);
    expect(divided.values[30]).toBe(260);
    expect(divided.columns.value).toBe(divided.values);
    expect(series.values[30]).toBe(130); // the input is left as it was
    expect(withCalendarDividedOut(series, undefined)).toBe(series);

    const day1 = withValues(series, series.values.slice(0, 24));
    day1.timestamps = series.timestamps.slice(0, 24);
    const back = withCalendarPutBack(new Float64Array(26).fill(200), day1, halfSecondDay);
    expect(back[0]).toBe(100); // 24:00, the holiday's first hour
    expect(back[23]).toBe(100);
    expect(back[24]).toBe(200); // 48:00, an ordinary day again
    expect([...futureTimes(day1, 2)]).toEqual([24 * HOUR, 25 * HOUR]);
  });

  it('lifts a holiday at most to 1.15 x the same hours of the four weeks before, or its own value', () => {
    // five weeks at 100 an hour; the last day is a holiday at x0.5
    const hours = 35 * 24;
    const times = Float64Array.from({ length: hours }, (_, i) => i * HOUR);
    const lastDay: CalendarMultipliers = (at) => Float64Array.from(at, (t) => (t >= 34 * DAY ? 0.5 : 1));
    const flat = withValues({ ...series, timestamps: times }, new Float64Array(hours).fill(100));
    const at = (values: Float64Array, mask?: Uint8Array) =>
      withCalendarDividedOut(withValues(flat, values), lastDay, mask).values;
    // an ordinary holiday, at half demand, reads as an ordinary day
    const quiet = Float64Array.from(flat.values, (v, i) => (i >= 34 * 24 ? 50 : v));
    expect(at(quiet)[34 * 24 + 5]).toBe(100);
    // a holiday an undetected event lifted to 90 would read 180: it is held at 115
    const lifted = Float64Array.from(flat.values, (v, i) => (i >= 34 * 24 ? 90 : v));
    expect(at(lifted)[34 * 24 + 5]).toBeCloseTo(115, 10);
    // one lifted higher than that keeps its own value (962 on Christmas Eve stays 962)
    const high = Float64Array.from(flat.values, (v, i) => (i >= 34 * 24 ? 300 : v));
    expect(at(high)[34 * 24 + 5]).toBe(300);
    // the weeks before are read without their spike points: a spike a week earlier is no reference
    const spiky = Float64Array.from(lifted, (v, i) => (i >= 20 * 24 && i < 28 * 24 ? 1000 : v));
    const mask = Uint8Array.from(spiky, (v) => (v === 1000 ? 1 : 0));
    expect(at(spiky)[34 * 24 + 5]).toBe(180);
    expect(at(spiky, mask)[34 * 24 + 5]).toBeCloseTo(115, 10);
  });

  it('divides before filling spikes: a spike a week after a holiday is filled with ordinary demand', () => {
    const week = Float64Array.from({ length: 8 * 24 }, (_, i) => i * HOUR);
    const flat = withValues({ ...series, timestamps: week }, new Float64Array(8 * 24).fill(100));
    const holidayFirstDay: CalendarMultipliers = (at) => Float64Array.from(at, (t) => (t < DAY ? 0.5 : 1));
    const values = Float64Array.from(flat.values, (v, i) => (i < 24 ? 50 : i === 7 * 24 ? 900 : v));
    const mask = new Uint8Array(values.length);
    mask[7 * 24] = 1;
    const view = regressorView(withValues(flat, values), mask, holidayFirstDay);
    expect(view.values[7 * 24]).toBe(100);
    expect(view.values[0]).toBe(100);
  });

  it('refuses a calendar that gives a bad multiplier, naming it', () => {
    const zero: CalendarMultipliers = (at) => new Float64Array(at.length);
    const short: CalendarMultipliers = () => new Float64Array(3).fill(1);
    const line = (calendar: CalendarMultipliers) => {
      try {
        calendarAt(calendar, series.timestamps);
      } catch (error) {
        expect(error).toBeInstanceOf(CdfError);
        return (error as CdfError).toLine();
      }
      return 'no error';
    };
    expect(line(zero)).toMatch(/bad multiplier \(got "0 at 1970-01-01T00:00:00.000Z"/);
    expect(line(short)).toMatch(
      /wrong number of multipliers \(got "3 multipliers"; expected a Float64Array of 48/,
    );
    expect([...calendarAt(undefined, series.timestamps.subarray(0, 2))]).toEqual([1, 1]);
  });
});

describe('a quantile stage fitted with a calendar', () => {
  // 60 days of synthetic demand (seed 5). A made-up calendar doubles the last day of the history
  // and the second day ahead (a lift: a holiday's dip would meet the cap of
  // withCalendarDividedOut): the same demand with that calendar applied, fitted with the
  // calendar, must give the regressor exactly the view the plain demand gives it.
  const data = generateSynthetic({ start: '2024-03-01', end: '2024-04-30', seed: 5 });
  const plain: Series = syntheticSeries(data, { id: 'synthetic' });
  const n = plain.values.length;
  const last = plain.timestamps[n - 1]!;
  const doubled = (t: number) => (t > last - DAY && t <= last) || (t > last + DAY && t <= last + 2 * DAY);
  const calendar: CalendarMultipliers = (at) => Float64Array.from(at, (t) => (doubled(t) ? 2 : 1));
  const lifted2x = withValues(
    plain,
    Float64Array.from(plain.values, (v, i) => v * calendar(plain.timestamps.subarray(i, i + 1))[0]!),
  );
  const noSpikes = new Uint8Array(n);
  // baseline weight 0: the point forecast is the regressor's alone
  const params = {
    origins: 4,
    originStride: 25,
    horizonBuckets: [6, 48],
    minResiduals: 30,
    baselineWeight: 0,
    regressor: { iterations: 15, maxRows: 4000 },
  };
  let reference: FittedQuantileStage;
  let withCalendar: FittedQuantileStage;
  beforeAll(async () => {
    const fit = (series: Series, cal?: CalendarMultipliers) =>
      fitQuantileStage(
        { series, horizon: 48, baseline: dailyNaive, spikes: noSpikes, ...(cal ? { calendar: cal } : {}) },
        params,
        { seed: 3 },
      );
    reference = await fit(plain);
    withCalendar = await fit(lifted2x, calendar);
  });
  afterAll(() => {
    reference.free();
    withCalendar.free();
  });

  it('forecasts the plain forecast times the calendar', async () => {
    const baseline = new Float64Array(48).fill(1);
    const expected = await reference.pointForecast(regressorView(plain, noSpikes, undefined), baseline);
    const got = await withCalendar.pointForecast(
      regressorView(lifted2x, noSpikes, calendar),
      baseline,
      calendar,
    );
    const steps = futureTimes(plain, 48);
    for (let h = 0; h < 48; h++) expect(got[h]).toBeCloseTo(expected[h]! * (doubled(steps[h]!) ? 2 : 1), 6);
    expect(withCalendar.usesCalendar).toBe(true);
    expect(reference.usesCalendar).toBe(false);
    expect(withCalendar.notes.join(' ')).toContain("the baseline's calendar divided out and put back");
  });

  it("asks each calibration origin for the calendar of that origin's own history", async () => {
    const asked: number[] = [];
    const stage = await fitQuantileStage(
      {
        series: lifted2x,
        horizon: 48,
        baseline: dailyNaive,
        spikes: noSpikes,
        calendar,
        calendarFor: async (train) => {
          asked.push(train.values.length);
          return calendar;
        },
      },
      params,
      { seed: 3 },
    );
    stage.free();
    expect(asked).toHaveLength(params.origins);
    expect(new Set(asked).size).toBe(params.origins);
    expect(Math.max(...asked)).toBeLessThanOrEqual(n - 48);
  });

  it('is saved with it, and its scenarios need the calendar', async () => {
    const saved = withCalendar.toJSON();
    expect((saved.state as { calendar?: boolean }).calendar).toBe(true);
    expect((reference.toJSON().state as { calendar?: boolean }).calendar).toBeUndefined();
    const loaded = loadQuantileStage(JSON.stringify(saved));
    const baseline = await dailyNaive(lifted2x, 48);
    const request = { history: lifted2x, baseline, spikeMask: noSpikes };
    await expect(loaded.assemble(request)).rejects.toThrow(/fitted with the baseline's calendar/);
    const frame = await loaded.assemble({ ...request, calendar });
    expect(frame).toEqual(await withCalendar.assemble({ ...request, calendar }));
    loaded.free();
  });
});
