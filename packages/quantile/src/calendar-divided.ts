import { CdfError, CdfErrorCode, median, type Series, WEEK_MS } from '@cdf/core';
import { withSpikesFilled } from './spikes-filled.ts';

/**
 * A learned calendar (a baseline's `calendarMultipliers`): demand at each of `timestamps` as a
 * multiple of ordinary demand, past or future; 1 on an ordinary day, below 1 on a holiday.
 */
export type CalendarMultipliers = (timestamps: Float64Array) => Float64Array;

/**
 * The calendar a baseline fitted on `train` alone learns (`train` is a calibration origin's
 * history), or undefined when it has none.
 */
export type OriginCalendar = (train: Series) => Promise<CalendarMultipliers | undefined>;

/**
 * `calendar` at `timestamps`, checked: one positive finite multiplier per timestamp, else an
 * `INVALID_CONFIG` error naming the first bad one (a broken calendar would silently scale the
 * forecast). All ones when there is no calendar.
 */
export function calendarAt(
  calendar: CalendarMultipliers | undefined,
  timestamps: Float64Array,
): Float64Array {
  if (calendar === undefined) return new Float64Array(timestamps.length).fill(1);
  const out: unknown = calendar(timestamps);
  const expected = `a Float64Array of ${timestamps.length} positive multipliers`;
  if (!(out instanceof Float64Array) || out.length !== timestamps.length) {
    const got = out instanceof Float64Array ? `${out.length} multipliers` : typeof out;
    throw new CdfError(CdfErrorCode.InvalidConfig, 'the calendar gave the wrong number of multipliers', {
      column: 'calendar',
      value: got,
      expected,
    });
  }
  const bad = out.findIndex((m) => !(Number.isFinite(m) && m > 0));
  if (bad >= 0) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'the calendar gave a bad multiplier', {
      column: 'calendar',
      value: `${out[bad]} at ${new Date(timestamps[bad]!).toISOString()}`,
      expected,
    });
  }
  return out;
}

/** Weeks before a point whose same hour gives the ordinary level a holiday may be lifted to. */
const REFERENCE_WEEKS = 4;
/** How far above that ordinary level a holiday's divided-out value may read. */
const HOLIDAY_CAP = 1.15;

/**
 * `series` with the calendar's multipliers divided out of its target (a holiday becomes an
 * ordinary day), as the baseline saw it; the series itself when there is no calendar.
 *
 * A point the calendar lowers (a holiday; a month cycle's low phase, by a few percent) is lifted
 * at most to the larger of its own value and 1.15 x the ordinary level: the median of the same
 * hour one to four weeks before (divided out, spike points of `mask` left out). A holiday that
 * is really inside an event the detector did not flag (the decay of an unannounced launch on
 * Christmas Eve: 962 against about 550 ordinary) then keeps its value instead of being amplified
 * into a launch at full height (962 / 0.61 = 1577), which the regressor would forecast on as a
 * plateau. An ordinary holiday (335 / 0.61 = 550) is not touched by the cap.
 */
export function withCalendarDividedOut(
  series: Series,
  calendar: CalendarMultipliers | undefined,
  mask?: Uint8Array,
): Series {
  if (calendar === undefined) return series;
  const multipliers = calendarAt(calendar, series.timestamps);
  const week = Math.round(WEEK_MS / series.stepMs);
  const values = new Float64Array(series.values.length);
  const references: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = series.values[i]!;
    const m = multipliers[i]!;
    values[i] = value / m;
    if (m >= 1) continue;
    references.length = 0;
    for (let k = 1; k <= REFERENCE_WEEKS && i - k * week >= 0; k++) {
      const r = i - k * week;
      if (mask?.[r] !== 1 && Number.isFinite(values[r]!)) references.push(values[r]!);
    }
    if (references.length > 0)
      values[i] = Math.min(values[i]!, Math.max(value, HOLIDAY_CAP * median(references)));
  }
  return { ...series, values, columns: { ...series.columns, [series.target]: values } };
}

/** The `horizon` timestamps one step apart after the last point of `history`. */
export function futureTimes(history: Series, horizon: number): Float64Array {
  const last = history.timestamps[history.timestamps.length - 1];
  if (last === undefined) {
    throw new CdfError(CdfErrorCode.InsufficientHistory, 'the history to forecast from is empty', {
      column: 'history',
      expected: 'at least one point',
    });
  }
  return Float64Array.from({ length: horizon }, (_, k) => last + (k + 1) * history.stepMs);
}

/**
 * The series as the level regressor reads and learns it: the calendar divided out (a holiday in
 * its lags or trailing level is not a fall in demand), then its spike points (`mask`) filled
 * with normal demand (`withSpikesFilled`). Its forecasts are multiplied by the calendar again.
 */
export function regressorView(
  series: Series,
  mask: Uint8Array,
  calendar: CalendarMultipliers | undefined,
): Series {
  return withSpikesFilled(withCalendarDividedOut(series, calendar, mask), mask);
}

/** `forecast` (of the steps after `history`) times the calendar at those steps, in place. */
export function withCalendarPutBack(
  forecast: Float64Array,
  history: Series,
  calendar: CalendarMultipliers | undefined,
): Float64Array {
  if (calendar === undefined) return forecast;
  const multipliers = calendarAt(calendar, futureTimes(history, forecast.length));
  for (let k = 0; k < forecast.length; k++) forecast[k]! *= multipliers[k]!;
  return forecast;
}
