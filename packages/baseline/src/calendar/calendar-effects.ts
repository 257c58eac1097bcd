import { median, robustSd } from '@cdf/core';
import { type CalendarDay, type CalendarDayRules, calendarDays } from './calendar-days.ts';
import { dayLogRatios, levelAdjusted } from './day-ratios.ts';
import { learnPhaseCycles, type PhaseCycle, phaseCycleMultipliers } from './phase-cycles.ts';
import { ordinaryWeekendRatio } from './weekend-ratio.ts';

/** A learned calendar effect: how demand on one kind of day compares with an ordinary day. */
export interface CalendarEffect {
  /** `holiday:<name>`, `holiday:<name> (weekend)` or `quarter-end:<days left>`. */
  key: string;
  /** Demand on such a day as a multiple of the same weekday's ordinary demand. */
  multiplier: number;
  /** Days of this kind in the history it was measured on. */
  occurrences: number;
}

/** Calendar effects learned from a history, applicable to any timestamps. */
export interface CalendarEffects {
  /** The effects kept (significant against ordinary day-to-day variation), by key. */
  readonly effects: readonly CalendarEffect[];
  /** Month- and quarter-phase cycles kept (see `learnPhaseCycles`); empty when none. */
  readonly cycles: readonly PhaseCycle[];
  /** Day-to-day spread of ordinary days (robust SD of their log ratios). */
  readonly ordinarySpread: number;
  /** {@link CalendarEffects.multipliers} of the history the effects were learned on. */
  readonly inHistory: Float64Array;
  /** The product of the kept effects of each timestamp's local day and of the cycles at it. */
  multipliers(timestamps: Float64Array): Float64Array;
}

/** How many robust standard errors an effect must stand out by to be kept. */
const KEEP_Z = 3;
/** Smallest effect kept (as |log multiplier|): a 3% day-level move does not change a capacity plan. */
const MIN_EFFECT = 0.03;
/** Ordinary days needed to measure day-to-day spread at all. */
const MIN_ORDINARY_DAYS = 14;

const WEEKEND_SUFFIX = ' (weekend)';
const holidayKey = (day: CalendarDay, weekend = day.weekend) =>
  `holiday:${day.holiday}${weekend ? WEEKEND_SUFFIX : ''}`;
/** The holiday's name in a key (either kind of day). */
const holidayName = (key: string) =>
  key.slice('holiday:'.length, key.endsWith(WEEKEND_SUFFIX) ? -WEEKEND_SUFFIX.length : undefined);
const quarterEndKey = (left: number) => `quarter-end:${left}`;

/**
 * Learn holiday and quarter-end effects from a history (planned events already divided out;
 * `skip` = 1 on points not to learn from). Each special day's log ratio to the same weekday one
 * and two weeks around it (in the last two weeks of the history, the two weeks before; see
 * `dayLogRatios`), less the level of the ordinary days around it measured the same way
 * (`levelAdjusted`), is averaged per holiday and per quarter-end position. A holiday on a
 * weekend is kept apart from one on a weekday (a Sunday holiday changes less); when only one
 * was seen, the other takes the typical kept holiday of its kind (`holidayMultiplier`). An effect is kept only when its mean stands more than
 * 3 standard errors (from the robust spread of ordinary days) and 3% away from none, so a
 * holiday a platform does not notice, or one seen once in a noisy series, changes nothing.
 * Quarter-end positions are learned first and divided out of the holidays that fall on them.
 * Effects apply to the whole local day.
 */
export function learnCalendarEffects(
  timestamps: Float64Array,
  values: Float64Array,
  skip: Uint8Array,
  rules: CalendarDayRules,
): CalendarEffects {
  const days = calendarDays(timestamps, rules);
  const ordinary = days.map((day) => day.holiday === '' && day.quarterEnd === 0);
  const around = levelAdjusted(days, dayLogRatios(days, values, skip, ordinary, 'around'), ordinary);
  const before = levelAdjusted(days, dayLogRatios(days, values, skip, ordinary, 'before'), ordinary);
  // a day without weeks on both sides (the end of the history) is measured against the two before
  const logs = around.map((log, d) => (Number.isFinite(log) ? log : before[d]!));
  const ordinaryLogs: number[] = [];
  for (let d = 0; d < days.length; d++)
    if (ordinary[d] && Number.isFinite(logs[d]!)) ordinaryLogs.push(logs[d]!);
  const spread = ordinaryLogs.length === 0 ? 0 : robustSd(ordinaryLogs);
  const kept = new Map<string, CalendarEffect>();
  const measured = new Set<string>();
  if (ordinaryLogs.length >= MIN_ORDINARY_DAYS && spread > 0) {
    const quarterEnd = groupLogs(days, logs, (day) =>
      day.holiday === '' && day.quarterEnd > 0 ? quarterEndKey(day.quarterEnd) : undefined,
    );
    keepSignificant(quarterEnd, spread, 2, kept);
    const holidays = groupLogs(
      days,
      logs,
      (day) => (day.holiday === '' ? undefined : holidayKey(day)),
      (day) => Math.log(kept.get(quarterEndKey(day.quarterEnd))?.multiplier ?? 1),
    );
    keepSignificant(holidays, spread, 1, kept);
    for (const key of holidays.keys()) measured.add(key);
  }
  const major = new Set(days.filter((day) => day.major).map((day) => day.holiday));
  const typical = typicalHolidays(kept, measured, major, ordinaryWeekendRatio(days, values, skip, ordinary));
  const cycles =
    rules.phaseCycles === false
      ? []
      : learnPhaseCycles(days, timestamps, values, skip, ordinary, rules.timeZone);
  const withCycles = (out: Float64Array, at: Float64Array) => {
    if (cycles.length === 0) return out;
    const cycle = phaseCycleMultipliers(at, rules.timeZone, cycles);
    for (let i = 0; i < out.length; i++) out[i]! *= cycle[i]!;
    return out;
  };
  return {
    effects: [...kept.values()],
    cycles,
    ordinarySpread: spread,
    inHistory: withCycles(dayMultipliers(days, timestamps.length, kept, typical), timestamps),
    multipliers: (at) => withCycles(dayMultipliers(calendarDays(at, rules), at.length, kept, typical), at),
  };
}

/** Median kept holiday effects by kind of day, and the holiday keys the history measured at all. */
interface TypicalHolidays {
  /** Of the `major` holidays kept on weekdays and on weekends (undefined: none kept). */
  major: { weekday: number | undefined; weekend: number | undefined };
  /** Of every holiday kept on weekdays and on weekends. */
  any: { weekday: number | undefined; weekend: number | undefined };
  /** Keys (holiday and kind of day) measured, kept or not. */
  measured: ReadonlySet<string>;
  /** Ordinary weekend demand as a multiple of weekday demand (`ordinaryWeekendRatio`). */
  weekendRatio: number;
}

function typicalHolidays(
  kept: ReadonlyMap<string, CalendarEffect>,
  measured: ReadonlySet<string>,
  major: ReadonlySet<string>,
  weekendRatio: number,
): TypicalHolidays {
  const holidays = [...kept.values()].filter((e) => e.key.startsWith('holiday:'));
  const medianOf = (weekend: boolean, majorOnly: boolean): number | undefined => {
    const pool = holidays
      .filter((e) => e.key.endsWith(WEEKEND_SUFFIX) === weekend)
      .filter((e) => !majorOnly || major.has(holidayName(e.key)))
      .map((e) => e.multiplier);
    return pool.length > 0 ? median(pool) : undefined;
  };
  return {
    major: { weekday: medianOf(false, true), weekend: medianOf(true, true) },
    any: { weekday: medianOf(false, false), weekend: medianOf(true, false) },
    measured,
    weekendRatio,
  };
}

/** Log ratios grouped by a day's key (days without one, or without a ratio, left out), less `offset`. */
function groupLogs(
  days: readonly CalendarDay[],
  logs: Float64Array,
  keyOf: (day: CalendarDay) => string | undefined,
  offset: (day: CalendarDay) => number = () => 0,
): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  days.forEach((day, d) => {
    const key = keyOf(day);
    if (key === undefined || !Number.isFinite(logs[d]!)) return;
    const list = groups.get(key) ?? [];
    list.push(logs[d]! - offset(day));
    groups.set(key, list);
  });
  return groups;
}

/** An effect's kind of day in words: the holiday's name, or "3 days left in the quarter". */
export function describeEffect(effect: CalendarEffect): string {
  if (effect.key.startsWith('holiday:')) return effect.key.slice('holiday:'.length);
  const left = Number(effect.key.slice('quarter-end:'.length));
  return left === 1 ? 'last day of the quarter' : `${left} days left in the quarter`;
}

/** Keep the groups of at least `minDays` whose mean log is > KEEP_Z standard errors and > MIN_EFFECT from 0. */
function keepSignificant(
  groups: Map<string, number[]>,
  spread: number,
  minDays: number,
  kept: Map<string, CalendarEffect>,
): void {
  for (const [key, list] of groups) {
    if (list.length < minDays) continue;
    const mean = list.reduce((a, b) => a + b, 0) / list.length;
    if (Math.abs(mean) > MIN_EFFECT && Math.abs(mean) * Math.sqrt(list.length) > KEEP_Z * spread) {
      kept.set(key, { key, multiplier: Math.exp(mean), occurrences: list.length });
    }
  }
}

/**
 * A holiday's multiplier on its day: the effect measured on the same kind of day (weekday or
 * weekend), kept or not (not kept: none). A holiday seen only on the other kind is one the
 * platform notices, but a weekend holiday says little about a weekday one (a Sunday is quiet
 * anyway): it gets the median of the major holidays kept on this kind of day (of all kept when
 * no major one was), and its own other-kind effect only when none was kept. A weekday effect
 * taken to a weekend lowers demand only to the level it brings a weekday to: its multiplier
 * there is `min(1, weekday effect / weekend ratio)` (x0.6 of a weekday on a weekend at 0.7 of a
 * weekday is x0.86 of that weekend, not x0.6). A `major` holiday
 * never measured on this kind of day (its occurrences hidden under spikes, or all on the other
 * kind and too small to keep there) gets the median kept major holiday of this kind, when there
 * is one; any other holiday changes nothing.
 */
function holidayMultiplier(
  day: CalendarDay,
  kept: ReadonlyMap<string, CalendarEffect>,
  typical: TypicalHolidays,
): number {
  const key = holidayKey(day);
  const same = kept.get(key);
  if (same !== undefined) return same.multiplier;
  if (typical.measured.has(key)) return 1;
  const kind = day.weekend ? 'weekend' : 'weekday';
  const other = kept.get(holidayKey(day, !day.weekend));
  if (other !== undefined) {
    const own = day.weekend ? Math.min(1, other.multiplier / typical.weekendRatio) : other.multiplier;
    return typical.major[kind] ?? typical.any[kind] ?? own;
  }
  return day.major ? (typical.major[kind] ?? 1) : 1;
}

/** Each point's multiplier: the product of the kept effects of its day (`days` covers `n` points). */
function dayMultipliers(
  days: readonly CalendarDay[],
  n: number,
  kept: ReadonlyMap<string, CalendarEffect>,
  typical: TypicalHolidays,
): Float64Array {
  const out = new Float64Array(n).fill(1);
  if (kept.size === 0) return out;
  for (const day of days) {
    let multiplier = 1;
    if (day.holiday !== '') multiplier *= holidayMultiplier(day, kept, typical);
    if (day.quarterEnd > 0) multiplier *= kept.get(quarterEndKey(day.quarterEnd))?.multiplier ?? 1;
    out.fill(multiplier, day.start, day.start + day.length);
  }
  return out;
}
