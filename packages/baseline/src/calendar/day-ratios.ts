import { median, medianInPlace } from '@cdf/core';
import type { CalendarDay } from './calendar-days.ts';

/** Which same-weekday days a day is measured against. */
export type ReferenceSide =
  /** one and two weeks before and after, in whole pairs (a trend cancels out) */
  | 'around'
  /** one and two weeks before, both (for the last days of a history, which have no later weeks) */
  | 'before';

/**
 * Log of each day's demand against ordinary demand on the same weekday: for every observed point,
 * the reference is the median of the same point of the reference days (`side`; only ordinary days of
 * the same length, observed points), and the day's ratio is the sum of its values over the sum of
 * their references. NaN when the day has no references, or when fewer than half of its points
 * have both. `ordinary[d]` says whether day d may serve as a reference.
 */
export function dayLogRatios(
  days: readonly CalendarDay[],
  values: Float64Array,
  skip: Uint8Array,
  ordinary: readonly boolean[],
  side: ReferenceSide,
): Float64Array {
  const index = new Map(days.map((day, d) => [day.dayNumber, d] as const));
  const out = new Float64Array(days.length).fill(Number.NaN);
  for (let d = 0; d < days.length; d++) {
    const day = days[d]!;
    const at = (weeks: number): CalendarDay | undefined => {
      const r = index.get(day.dayNumber + 7 * weeks);
      return r !== undefined && ordinary[r] && days[r]!.length === day.length ? days[r] : undefined;
    };
    const references: CalendarDay[] = [];
    if (side === 'around') {
      for (const weeks of [1, 2]) {
        const before = at(-weeks);
        const after = at(weeks);
        if (before !== undefined && after !== undefined) references.push(before, after);
      }
    } else {
      const one = at(-1);
      const two = at(-2);
      if (one !== undefined && two !== undefined) references.push(one, two);
    }
    if (references.length === 0) continue;
    out[d] = pointRatioLog(day, references, values, skip);
  }
  return out;
}

/**
 * Log of a day's values over its references' median (robust to one reference day an undetected
 * event lifted), on points observed in both; NaN when fewer than half of its points qualify.
 */
function pointRatioLog(
  day: CalendarDay,
  references: readonly CalendarDay[],
  values: Float64Array,
  skip: Uint8Array,
): number {
  const scratch = new Float64Array(references.length);
  let actual = 0;
  let expected = 0;
  let used = 0;
  for (let j = 0; j < day.length; j++) {
    if (skip[day.start + j] === 1) continue;
    let count = 0;
    for (const ref of references) if (skip[ref.start + j] === 0) scratch[count++] = values[ref.start + j]!;
    if (count === 0) continue;
    actual += values[day.start + j]!;
    expected += medianInPlace(scratch, count);
    used++;
  }
  return 2 * used >= day.length && actual > 0 && expected > 0 ? Math.log(actual / expected) : Number.NaN;
}

/** Days on each side whose ratios give a day's local level. */
const LEVEL_DAYS = 3;

/**
 * Each day's log ratio less the median log ratio of the ordinary days within three days of it
 * (itself left out; at least two needed, else unchanged). A holiday inside a growth phase or a
 * trend then measures against its own week, not the weeks around it: a holiday at 60% of a week
 * running 30% above the weeks before reads 0.6, not 0.78.
 */
export function levelAdjusted(
  days: readonly CalendarDay[],
  logs: Float64Array,
  ordinary: readonly boolean[],
): Float64Array {
  const out = Float64Array.from(logs);
  const near: number[] = [];
  for (let d = 0; d < days.length; d++) {
    if (!Number.isFinite(logs[d]!)) continue;
    near.length = 0;
    for (let e = Math.max(0, d - LEVEL_DAYS); e <= Math.min(days.length - 1, d + LEVEL_DAYS); e++) {
      const close = Math.abs(days[e]!.dayNumber - days[d]!.dayNumber) <= LEVEL_DAYS;
      if (e !== d && close && ordinary[e] && Number.isFinite(logs[e]!)) near.push(logs[e]!);
    }
    if (near.length >= 2) out[d] = logs[d]! - median(near);
  }
  return out;
}
