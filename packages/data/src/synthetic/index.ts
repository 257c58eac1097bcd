// Barrel of synthetic/: the synthetic demand generator with ground-truth events.
export { CALENDAR_PROFILE } from './calendar-profile.ts';
export {
  EVENT_GAP_MS,
  GROWTH_PERSISTENCE,
  SYNTHETIC_EVENT_KINDS,
  type SyntheticEventKind,
} from './event-catalog.ts';
export {
  EVENT_TABLE_HEADER,
  eventsToCsv,
  eventsToJson,
  formatEventsFor,
  formatPlannedLaunchesFor,
  PLANNED_LAUNCH_HEADER,
  plannedLaunchesToCsv,
  plannedLaunchesToJson,
  tableFormatOf,
} from './event-tables.ts';
export {
  generateSynthetic,
  type PlannedLaunchRecord,
  SYNTHETIC_COLUMNS,
  type SyntheticData,
} from './generate-synthetic.ts';
export { HOLIDAY_FACTOR, SYNTHETIC_HOLIDAYS } from './holidays.ts';
export { createRng, type Rng } from './rng.ts';
export { SYNTHETIC_CSV_HEADER, syntheticToCsv } from './synthetic-csv.ts';
export {
  MAX_SYNTHETIC_ROWS,
  type ResolvedSyntheticOptions,
  resolveSyntheticOptions,
  type SyntheticOptions,
} from './synthetic-options.ts';
export { type SyntheticSeriesOptions, syntheticSeries } from './synthetic-series.ts';
export { FLOPS_PER_TOKEN, SYNTHETIC_DECIMALS, WORKLOAD_MODEL } from './workload-model.ts';
