import { CdfError, CdfErrorCode, type SpikeEvent, toIsoUtc } from '@cdf/core';
import { formatCsv } from '../write/csv-format.ts';
import { formatJson } from '../write/json-format.ts';
import type { PlannedLaunchRecord } from './generate-synthetic.ts';

/** Columns of an events table, in order. */
export const EVENT_TABLE_HEADER = [
  'start',
  'end',
  'peak',
  'peak_value',
  'magnitude',
  'type',
  'name',
] as const;

/** Columns of a planned-launches table (the seed's launch-file shape), in order. */
export const PLANNED_LAUNCH_HEADER = [
  'date',
  'name',
  'expected_multiplier',
  'expected_duration_hours',
] as const;

/** Spike events as CSV: times in ISO 8601 with `Z`, one event per line. */
export function eventsToCsv(events: readonly SpikeEvent[]): string {
  return formatCsv(EVENT_TABLE_HEADER, [
    events.map((e) => toIsoUtc(e.start)),
    events.map((e) => toIsoUtc(e.end)),
    events.map((e) => toIsoUtc(e.peak)),
    events.map((e) => e.peak_value),
    events.map((e) => e.magnitude),
    events.map((e) => e.type),
    events.map((e) => e.name ?? ''),
  ]);
}

/** Spike events as a JSON array with ISO 8601 times; core's `SpikeEventSchema` reads it back. */
export function eventsToJson(events: readonly SpikeEvent[]): string {
  return formatJson(
    events.map((e) => ({
      ...(e.series_id === undefined ? {} : { series_id: e.series_id }),
      start: toIsoUtc(e.start),
      end: toIsoUtc(e.end),
      peak: toIsoUtc(e.peak),
      peak_value: e.peak_value,
      magnitude: e.magnitude,
      type: e.type,
      ...(e.name === undefined ? {} : { name: e.name }),
      ...(e.score === undefined ? {} : { score: e.score }),
    })),
  );
}

/** Planned launches as CSV, the seed's launch-file shape; core's `PlannedEventSchema` reads the rows. */
export function plannedLaunchesToCsv(launches: readonly PlannedLaunchRecord[]): string {
  return formatCsv(PLANNED_LAUNCH_HEADER, [
    launches.map((l) => l.date),
    launches.map((l) => l.name),
    launches.map((l) => l.expected_multiplier),
    launches.map((l) => l.expected_duration_hours),
  ]);
}

/** Planned launches as a JSON array of `{ date, name, expected_multiplier, expected_duration_hours }`. */
export function plannedLaunchesToJson(launches: readonly PlannedLaunchRecord[]): string {
  return formatJson(launches);
}

/**
 * The table format a path asks for by its extension: `csv` or `json`. Throws `CdfError`
 * (`UNSUPPORTED_FORMAT`, naming the file) for anything else.
 */
export function tableFormatOf(path: string): 'csv' | 'json' {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  throw new CdfError(CdfErrorCode.UnsupportedFormat, 'unknown table format', {
    file: path,
    expected: 'a .csv or .json file name',
  });
}

/** Spike events formatted for a file, by its extension (`--events-out events.csv|.json`). */
export function formatEventsFor(path: string, events: readonly SpikeEvent[]): string {
  return tableFormatOf(path) === 'csv' ? eventsToCsv(events) : eventsToJson(events);
}

/** Planned launches formatted for a file, by its extension. */
export function formatPlannedLaunchesFor(path: string, launches: readonly PlannedLaunchRecord[]): string {
  return tableFormatOf(path) === 'csv' ? plannedLaunchesToCsv(launches) : plannedLaunchesToJson(launches);
}
