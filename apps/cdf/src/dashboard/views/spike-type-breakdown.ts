import { SPIKE_TYPES, type SpikeEvent, type SpikeType } from '@cdf/core';

/** How many spikes of one type there were, their share of all spikes, and their hours. */
export interface SpikeTypeShare {
  type: SpikeType;
  count: number;
  /** count / all spikes, 0..1 (0 when there are none). */
  share: number;
  /** Hours covered by this type's events (end - start, plus one step when `stepMs` is given). */
  hours: number;
}

/** Count the spike events per type, in the stable order of `SPIKE_TYPES` (every type listed). */
export function spikeTypeBreakdown(events: readonly SpikeEvent[], stepMs = 0): SpikeTypeShare[] {
  const total = events.length;
  return SPIKE_TYPES.map((type) => {
    const mine = events.filter((e) => e.type === type);
    const hours = mine.reduce((sum, e) => sum + (e.end - e.start + stepMs) / 3_600_000, 0);
    return { type, count: mine.length, share: total > 0 ? mine.length / total : 0, hours };
  });
}

/** One point of the burst scatter: how long a spike lasted and how high it went. */
export interface BurstPoint {
  type: SpikeType;
  name: string | undefined;
  start: number;
  /** Hours from start to end, plus one step (the events are inclusive). */
  duration_hours: number;
  /** Peak over expected: 3 means 3x. */
  magnitude: number;
}

/** Duration and magnitude of every spike event, for the duration-vs-intensity scatter. */
export function burstPoints(events: readonly SpikeEvent[], stepMs: number): BurstPoint[] {
  return events.map((e) => ({
    type: e.type,
    name: e.name,
    start: e.start,
    duration_hours: (e.end - e.start + stepMs) / 3_600_000,
    magnitude: e.magnitude,
  }));
}
