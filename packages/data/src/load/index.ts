// Barrel of load/ (and of timestamp/, which src/index.ts does not list): the public API only.

export {
  detectEpochUnit,
  EPOCH_MILLIS_THRESHOLD,
  type EpochUnit,
} from '../timestamp/epoch-timestamp.ts';
export {
  type ParsedTimestamp,
  type ParseTimestampOptions,
  parseTimestamp,
} from '../timestamp/parse-timestamp.ts';
export {
  describeTimestampFormat,
  TIMESTAMP_FORMATS,
  type TimestampFormat,
} from '../timestamp/timestamp-format.ts';
export { TimestampReader, type TimestampReaderOptions } from '../timestamp/timestamp-reader.ts';
export { ZoneClock, zoneClock } from '../timestamp/zone-clock.ts';
export { type CellKind, cellKind } from './cell-kind.ts';
export { CsvFields, type CsvRecordHandler, CsvRecordReader } from './csv-records.ts';
export { detectFormat } from './detect-format.ts';
export { loadMetrics } from './load-metrics.ts';
export type { DataFormat, LoadedTable, LoadOptions } from './load-options.ts';
export { TIME_COLUMN_CANDIDATES } from './resolve-columns.ts';
