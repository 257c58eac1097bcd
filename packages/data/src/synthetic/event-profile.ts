import { HOUR_MS, type PlannedEvent, plannedEventMultiplier, type SpikeType } from '@cdf/core';

/** One event the generator placed on the row grid. */
export interface PlacedEvent {
  type: SpikeType;
  /** Name shown in the ground truth: "Orion launch", "viral event 3". */
  name: string;
  /** First row of the event. */
  startIndex: number;
  /** Rows the event covers (its duration in steps). */
  steps: number;
  /** Time of the first row (epoch ms). */
  start: number;
  /** Step of the grid (ms). */
  stepMs: number;
  /** Multiplier at full effect (drawn from the kind's range, two decimals). */
  peakMultiplier: number;
  /** Tokens per request scale by `multiplier ^ tokenExponent`. */
  tokenExponent: number;
  /** Ramp and decay (hours) of the shared planned-event profile; undefined: that profile's defaults. */
  rampHours?: number;
  decayHours?: number;
  /** Growth phases: rows spent rising, and the share of the rise that persists after the phase. */
  riseSteps: number;
  persistence: number;
}

/** Duration of an event in hours. */
export function eventHours(event: PlacedEvent): number {
  return (event.steps * event.stepMs) / HOUR_MS;
}

/**
 * The event as a {@link PlannedEvent} (core's launch shape), so launches, viral events and abuse
 * bursts follow exactly the profile every forecasting stage assumes for a planned event.
 */
export function toPlannedEvent(event: PlacedEvent): PlannedEvent {
  return {
    start: event.start,
    name: event.name,
    expected_multiplier: event.peakMultiplier,
    expected_duration_hours: eventHours(event),
    ...(event.rampHours === undefined ? {} : { ramp_hours: event.rampHours }),
    ...(event.decayHours === undefined ? {} : { decay_hours: event.decayHours }),
  };
}

/** The level a growth phase leaves behind once it is over: `1 + rise * persistence`. */
export function persistedLevel(event: PlacedEvent): number {
  return event.type === 'gradual_growth' ? 1 + (event.peakMultiplier - 1) * event.persistence : 1;
}

/**
 * The demand multiplier of an event at row `index` (1 outside it), relative to the demand the
 * row would have without it.
 *
 * Launches, viral events and abuse bursts use core's {@link plannedEventMultiplier} (linear ramp,
 * plateau at the peak, linear decay). A growth phase rises linearly to its peak over `riseSteps`
 * rows, then settles linearly to its persisted level by its last row.
 */
export function eventMultiplierAt(event: PlacedEvent, index: number, planned?: PlannedEvent): number {
  const k = index - event.startIndex;
  if (k < 0 || k >= event.steps) return 1;
  if (event.type !== 'gradual_growth') {
    return plannedEventMultiplier(planned ?? toPlannedEvent(event), event.start + k * event.stepMs);
  }
  const rise = event.peakMultiplier - 1;
  if (k < event.riseSteps) return 1 + (rise * (k + 1)) / event.riseSteps;
  const settleSteps = event.steps - event.riseSteps;
  const settled = (k - event.riseSteps + 1) / settleSteps;
  return 1 + rise - rise * (1 - event.persistence) * settled;
}
