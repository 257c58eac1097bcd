/**
 * The evaluation task of the spike predictor: two years of hourly synthetic demand from
 * `@cdf/data`'s generator, its ground-truth spike hours as the mask, its launches as planned
 * events. Gradual growth phases are not spikes (slow level shifts), so they are labelled 0.
 */
import { type PlannedEvent, PlannedEventSchema, type Series, type SpikeType } from '@cdf/core';
import { generateSynthetic, syntheticSeries } from '@cdf/data';

/** A series with its spike mask and planned events. */
export interface SpikeTask {
  series: Series;
  anomalies: Uint8Array;
  /** Event type of each point ('' outside events). */
  eventType: (SpikeType | '')[];
  /** The spike type of each point as a detector gives it: `eventType` without growth phases (not spikes). */
  spikeTypes: (SpikeType | '')[];
  plannedEvents: PlannedEvent[];
}

/** The task for a generator seed and span (default two years from 2023-01-01). */
export function syntheticSpikeTask(seed: number, start = '2023-01-01', end = '2025-01-01'): SpikeTask {
  const data = generateSynthetic({ start, end, seed });
  const anomalies = Uint8Array.from(data.eventType, (t) => (t !== '' && t !== 'gradual_growth' ? 1 : 0));
  return {
    series: syntheticSeries(data, { id: 'default' }),
    anomalies,
    eventType: data.eventType,
    spikeTypes: data.eventType.map((t) => (t === 'gradual_growth' ? '' : t)),
    plannedEvents: data.plannedLaunches.map((launch) => PlannedEventSchema.parse(launch)),
  };
}

/** The first `points` of a task's series and mask. */
export function truncateTask(task: SpikeTask, points: number): SpikeTask {
  const values = task.series.values.slice(0, points);
  return {
    series: {
      ...task.series,
      timestamps: task.series.timestamps.slice(0, points),
      values,
      filled: task.series.filled.slice(0, points),
      columns: { [task.series.target]: values },
    },
    anomalies: task.anomalies.slice(0, points),
    eventType: task.eventType.slice(0, points),
    spikeTypes: task.spikeTypes.slice(0, points),
    plannedEvents: task.plannedEvents,
  };
}
