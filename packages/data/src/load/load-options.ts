import type { MetricsTable } from '@cdf/core';
import type { TimestampFormat } from '../timestamp/timestamp-format.ts';

/** The file formats `loadMetrics` reads. */
export type DataFormat = 'csv' | 'json' | 'ndjson' | 'parquet';

/** Options of `loadMetrics`. */
export interface LoadOptions {
  /**
   * File format. Default: from the extension (`.csv`, `.json`, `.ndjson`/`.jsonl`, `.parquet`/`.pq`,
   * any case); another extension is a CdfError UNSUPPORTED_FORMAT asking for `--format`.
   */
  format?: DataFormat;
  /** Timestamp column. Default `timestamp`, else the first of `time`, `ds`, `date`, `datetime` present. */
  timeCol?: string;
  /** Demand column; must exist and be numeric. Default `compute_tflops`. */
  target?: string;
  /** Column holding the series id of a long table (many series). Default: none (one series). */
  idCol?: string;
  /**
   * IANA zone for naive ISO timestamps (no `Z`, no offset), DST-correct. Default `UTC`.
   * An unknown zone is a CdfError INVALID_CONFIG.
   */
  timeZone?: string;
}

/** A metrics table as loaded from a file, with what a caller needs for messages and reports. */
export interface LoadedTable extends MetricsTable {
  /** The path as given. */
  source: string;
  /**
   * 1-based data row of each row, for messages after sorting. In a CSV the header is row 0 and
   * row R is on line R + 1 (blank lines count, quoted line breaks do not); in NDJSON row R is
   * line R; in JSON and Parquet row R is the R-th record.
   */
  sourceRows: Uint32Array;
  /** The demand column. */
  target: string;
  /** The timestamp column used. */
  timeCol: string;
  /** The series id column, for a long table. */
  idCol?: string;
  /** How the timestamps were written (one format per file). */
  timestampFormat: TimestampFormat;
  /** Non-numeric text columns that were skipped (e.g. the generator's `event_type`), by name. */
  textColumns: string[];
  /** Empty cells per numeric column (read as NaN = missing); 0 for complete columns. */
  missing: Record<string, number>;
}
