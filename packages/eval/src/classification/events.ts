import type { BooleanArray } from '../metric-input.ts';

/** A run of consecutive true steps: indices `start..end`, both inclusive. */
export interface IndexEvent {
  /** Index of the first true step. */
  start: number;
  /** Index of the last true step (inclusive). */
  end: number;
}

/** The events of a boolean column: its maximal runs of consecutive true steps, in order. */
export function eventsOf(flags: BooleanArray): IndexEvent[] {
  const events: IndexEvent[] = [];
  let start = -1;
  for (let i = 0; i < flags.length; i++) {
    if (flags[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      events.push({ start, end: i - 1 });
      start = -1;
    }
  }
  if (start >= 0) events.push({ start, end: flags.length - 1 });
  return events;
}
