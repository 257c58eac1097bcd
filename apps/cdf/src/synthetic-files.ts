import { extname } from 'node:path';
import { type PlannedEvent, SPIKE_TYPES, type SpikeEvent, type SpikeType } from '@cdf/core';
import { eventsToCsv, eventsToJson, type SyntheticData, syntheticToCsv, writeTextFile } from '@cdf/data';
import { formatInstant } from './human-format.ts';
import { UsageError } from './usage-error.ts';

/** Where to write a synthetic data set; only `metrics` is required. */
export interface SyntheticFiles {
  /** The metrics table, CSV. */
  metrics: string;
  /** Ground-truth spike events, CSV or JSON by extension. */
  events?: string;
  /** Planned launches, JSON (the shape `--events` of forecasting reads). */
  launches?: string;
}

/** Events file formats, chosen by extension. */
export type EventsFileFormat = 'csv' | 'json';

/** The format of an events file from its extension (`.csv` or `.json`); `flag` names it in the error. */
export function eventsFileFormat(flag: string, path: string): EventsFileFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new UsageError(`${flag}: "${path}" must end in .csv or .json`);
}

/** Write the metrics table and, when asked, the ground-truth events and planned launches. */
export async function writeSyntheticFiles(data: SyntheticData, files: SyntheticFiles): Promise<void> {
  await writeTextFile(files.metrics, syntheticToCsv(data));
  if (files.events !== undefined) {
    const format = eventsFileFormat('--events-out', files.events);
    await writeTextFile(
      files.events,
      format === 'csv' ? eventsToCsv(data.events) : eventsToJson(data.events),
    );
  }
  if (files.launches !== undefined) await writeTextFile(files.launches, launchesToJson(data.plannedLaunches));
}

/**
 * Planned launches as a JSON array in the planned-event file shape (`start` as ISO 8601 UTC),
 * one launch per element, two-space indented with a trailing newline.
 */
export function launchesToJson(launches: readonly PlannedEvent[]): string {
  const rows = launches.map((launch) => ({ ...launch, start: formatInstant(launch.start) }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** How many events of each spike type, every type present (zero when none), in the stable type order. */
export function countEventsByType(events: readonly SpikeEvent[]): Record<SpikeType, number> {
  const counts = Object.fromEntries(SPIKE_TYPES.map((type) => [type, 0])) as Record<SpikeType, number>;
  for (const event of events) counts[event.type] += 1;
  return counts;
}

/** `13 events: 4 feature_launch, 6 viral_event, 2 api_abuse, 1 gradual_growth`. */
export function formatEventCounts(counts: Record<SpikeType, number>): string {
  const total = SPIKE_TYPES.reduce((sum, type) => sum + counts[type], 0);
  const parts = SPIKE_TYPES.map((type) => `${counts[type]} ${type}`);
  return `${total} ${total === 1 ? 'event' : 'events'}: ${parts.join(', ')}`;
}
