import { CdfError, SPIKE_TYPES, type SpikeEvent, type SpikeType } from '@cdf/core';
import {
  formatEventsFor,
  formatPlannedLaunchesFor,
  type SyntheticData,
  syntheticToCsv,
  tableFormatOf,
  writeTextFile,
} from '@cdf/data';
import { UsageError } from './usage-error.ts';

/** Where to write a synthetic data set; only `metrics` is required. */
export interface SyntheticFiles {
  /** The metrics table, CSV. */
  metrics: string;
  /** Ground-truth spike events, CSV or JSON by extension. */
  events?: string | undefined;
  /** Planned launches, CSV or JSON by extension. */
  launches?: string | undefined;
}

/**
 * Check that a flag names a `.csv` or `.json` file, before any work is done.
 * @throws UsageError naming the flag otherwise.
 */
export function checkTableFileFlag(flag: string, path: string): void {
  try {
    tableFormatOf(path);
  } catch (error) {
    if (!CdfError.isInstance(error)) throw error;
    throw new UsageError(`${flag}: "${path}" must end in .csv or .json`);
  }
}

/** Write the metrics table and, when asked, the ground-truth events and planned launches. */
export async function writeSyntheticFiles(data: SyntheticData, files: SyntheticFiles): Promise<void> {
  await writeTextFile(files.metrics, syntheticToCsv(data));
  if (files.events !== undefined)
    await writeTextFile(files.events, formatEventsFor(files.events, data.events));
  if (files.launches !== undefined) {
    await writeTextFile(files.launches, formatPlannedLaunchesFor(files.launches, data.plannedLaunches));
  }
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
