import { HOUR_MS } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { demandSeries } from '../../test/demand-series.ts';
import { createEnsembleBaseline, ensembleBaseline } from '../ensemble/ensemble.ts';
import { calendarDays } from './calendar-days.ts';
import { learnCalendarEffects } from './calendar-effects.ts';
import { calendarDayRules, DEFAULT_CALENDAR_PARAMS } from './calendar-params.ts';
import { learnPhaseCycles, monthPhase, phaseCycleMultipliers, quarterPhase } from './phase-cycles.ts';

const rules = calendarDayRules({ ...DEFAULT_CALENDAR_PARAMS, holidays: 'none', quarterEndDays: 0 }, 'UTC');

/** demandSeries (from 2024-01-01, UTC) times a month cycle `month` and a quarter cycle `quarter` (log amplitudes). */
function cycled(hours: number, month: number, quarter: number) {
  const base = demandSeries(hours);
  const cycle = phaseCycleMultipliers(base.timestamps, 'UTC', [
    { period: 'month', cos: month, sin: 0 },
    { period: 'quarter', cos: 0, sin: quarter },
  ]);
  const values = Float64Array.from(base.values, (v, i) => v * cycle[i]!);
  return { ...base, values, columns: { ...base.columns, [base.target]: values } };
}

function learn(series: { timestamps: Float64Array; values: Float64Array }, skip?: Uint8Array) {
  const days = calendarDays(series.timestamps, rules);
  return learnPhaseCycles(
    days,
    series.timestamps,
    series.values,
    skip ?? new Uint8Array(series.values.length),
    days.map(() => true),
    'UTC',
  );
}

describe('phase of the month and the quarter', () => {
  it('runs from 0 at the first hour to just under 1 at the last', () => {
    expect(monthPhase(2024, 2, 1, 0)).toBe(0);
    expect(monthPhase(2024, 2, 15, 12)).toBeCloseTo(14.5 / 29, 12); // leap February
    expect(quarterPhase(2024, 4, 1, 0)).toBe(0);
    expect(quarterPhase(2024, 5, 1, 0)).toBeCloseTo(30 / 91, 12); // Q2 2024: 30 + 31 + 30 days
    expect(quarterPhase(2024, 12, 31, 23)).toBeCloseTo((91 + 23 / 24) / 92, 12);
  });
});

describe('learnPhaseCycles', () => {
  it('recovers a 3% month cycle and a 4% quarter cycle from two years of hourly demand', () => {
    const cycles = learn(cycled(2 * 8760, 0.03, 0.04));
    const month = cycles.find((c) => c.period === 'month');
    const quarter = cycles.find((c) => c.period === 'quarter');
    expect(month?.cos).toBeCloseTo(0.03, 2);
    expect(Math.abs(month?.sin ?? 1)).toBeLessThan(0.005);
    expect(quarter?.sin).toBeCloseTo(0.04, 2);
    expect(Math.abs(quarter?.cos ?? 1)).toBeLessThan(0.005);
  });

  it('keeps nothing where demand has no such cycle, and learns nothing from less than a year', () => {
    expect(learn(demandSeries(2 * 8760))).toEqual([]);
    const short = cycled(300 * 24, 0.03, 0.04);
    expect(learn(short)).toEqual([]);
  });

  it('is not pulled by skipped days: 3x bursts of 1-3 days, skipped, leave the cycle as it was', () => {
    const series = cycled(2 * 8760, 0.03, 0);
    const skip = new Uint8Array(series.values.length);
    let state = 7;
    const draw = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    // a burst starting on a random day every 10 days on average
    for (let day = 0; day < 730; day++) {
      if (draw() > 0.1) continue;
      const length = 1 + Math.floor(draw() * 3);
      for (let i = day * 24; i < Math.min(series.values.length, (day + length) * 24); i++) {
        series.values[i]! *= 3;
        skip[i] = 1;
      }
    }
    const month = learn(series, skip).find((c) => c.period === 'month');
    expect(month?.cos).toBeCloseTo(0.03, 2);
    // not skipped, the same bursts do pull it
    const pulled = learn(series).find((c) => c.period === 'month');
    expect(Math.abs((pulled?.cos ?? 0) - 0.03)).toBeGreaterThan(Math.abs((month?.cos ?? 0) - 0.03));
  });

  it('is not bent by levels that persist: three unflagged +30% steps leave both cycles within 0.6 points', () => {
    const series = cycled(2 * 8760, 0.03, 0.04);
    // a growth phase's rise over two weeks, kept afterwards, at days 150, 400 and 600
    for (const startDay of [150, 400, 600])
      for (let i = startDay * 24; i < series.values.length; i++)
        series.values[i]! *= 1 + 0.3 * Math.min(1, (i - startDay * 24) / (14 * 24));
    const cycles = learn(series);
    const month = cycles.find((c) => c.period === 'month');
    const quarter = cycles.find((c) => c.period === 'quarter');
    expect(Math.abs((month?.cos ?? 0) - 0.03)).toBeLessThan(0.006);
    expect(Math.abs(month?.sin ?? 1)).toBeLessThan(0.006);
    expect(Math.abs((quarter?.sin ?? 0) - 0.04)).toBeLessThan(0.006);
    expect(Math.abs(quarter?.cos ?? 1)).toBeLessThan(0.006);
  });
});

describe('learnCalendarEffects with phase cycles', () => {
  it('multiplies the cycles into the history and the future, and phaseCycles: false turns them off', () => {
    const series = cycled(2 * 8760, 0.03, 0);
    const skip = new Uint8Array(series.values.length);
    const on = learnCalendarEffects(series.timestamps, series.values, skip, rules);
    const off = learnCalendarEffects(series.timestamps, series.values, skip, {
      ...rules,
      phaseCycles: false,
    });
    expect(on.cycles.map((c) => c.period)).toEqual(['month']);
    expect(off.cycles).toEqual([]);
    const firstOfMonth = Float64Array.of(Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 16, 12));
    const [turn, middle] = on.multipliers(firstOfMonth);
    const month = on.cycles[0]!;
    expect(turn).toBeCloseTo(Math.exp(month.cos), 12);
    expect(middle).toBeCloseTo(Math.exp(-month.cos), 3);
    expect(Array.from(off.multipliers(firstOfMonth))).toEqual([1, 1]);
    expect(on.inHistory[0]).toBeCloseTo(Math.exp(month.cos), 12);
    expect(series.timestamps[0]).toBe(Date.UTC(2024, 0, 1));
    expect(HOUR_MS).toBe(3_600_000);
  });
});

describe('ensemble baseline with phase cycles', () => {
  it('learns them by default, saves them, and loads a model saved before them without them', async () => {
    const series = cycled(2 * 8760, 0.03, 0.04);
    const fitted = await createEnsembleBaseline().fit({ series });
    expect(fitted.notes.join(' ')).toMatch(/month cycle \+-3\.\d%, quarter cycle \+-[34]\.\d%/);
    const saved = JSON.parse(JSON.stringify(fitted.toJSON()));
    const week = (b: { predict(o: { horizon: number }): { point: Float64Array } }) =>
      Array.from(b.predict({ horizon: 168 }).point);
    expect(week(ensembleBaseline.load(saved))).toEqual(week(fitted));
    const off = await createEnsembleBaseline({
      calendar: { ...DEFAULT_CALENDAR_PARAMS, phaseCycles: false },
    }).fit({
      series,
    });
    // a model saved before the option existed: its params have no phaseCycles
    const before = JSON.parse(JSON.stringify(off.toJSON()));
    delete before.params.calendar.phaseCycles;
    expect(week(ensembleBaseline.load(before))).toEqual(week(off));
    before.params.calendar.phaseCycles = true;
    expect(week(ensembleBaseline.load(before))).not.toEqual(week(off));
  });
});
