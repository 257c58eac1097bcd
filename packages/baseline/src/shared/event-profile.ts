import { type PlannedEvent, plannedEventsMultiplier } from '@cdf/core';

/** The combined planned-event multiplier at each timestamp (1 where no event runs). */
export function eventMultipliers(events: readonly PlannedEvent[], timestamps: Float64Array): Float64Array {
  const out = new Float64Array(timestamps.length).fill(1);
  if (events.length === 0) return out;
  for (let i = 0; i < timestamps.length; i++) out[i] = plannedEventsMultiplier(events, timestamps[i]!);
  return out;
}

/** True when some multiplier differs from 1. */
export function anyEffect(multipliers: Float64Array): boolean {
  for (let i = 0; i < multipliers.length; i++) if (multipliers[i] !== 1) return true;
  return false;
}

/** Events given at fit time and at predict time, without duplicates (same name and start). */
export function mergeEvents(
  fitEvents: readonly PlannedEvent[],
  requestEvents: readonly PlannedEvent[] | undefined,
): PlannedEvent[] {
  const seen = new Set(fitEvents.map((e) => `${e.name}@${e.start}`));
  const merged = [...fitEvents];
  for (const e of requestEvents ?? []) {
    const key = `${e.name}@${e.start}`;
    if (!seen.has(key)) {
      seen.add(key);
      merged.push(e);
    }
  }
  return merged;
}
