import type { MetricsTable } from '@cdf/core';

// Structural copy of the loader's `LoadedTable` (src/load), so prepare compiles on its own.
// Everything here reads the extra fields defensively: a plain MetricsTable has none of them.

/** How the loader read the timestamp column. */
export type LoadedTimestampFormat = 'iso-utc' | 'iso-offset' | 'iso-naive' | 'epoch-seconds' | 'epoch-millis';

/** The fields prepare uses from a loaded table, beyond {@link MetricsTable}. */
export interface LoadedTableFields {
  source: string;
  sourceRows: Uint32Array;
  target: string;
  timeCol: string;
  idCol?: string;
  timestampFormat: LoadedTimestampFormat;
  textColumns: string[];
  missing: Record<string, number>;
}

/** What {@link prepareSeries} accepts: a plain table, or a loaded one with its provenance. */
export type PrepareInput = MetricsTable & Partial<LoadedTableFields> & { format?: string };
