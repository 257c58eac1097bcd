import type { Aggregation, CdfErrorCode } from '@cdf/core';
import type { ColumnStats } from './column-stats.ts';
import type { DuplicatePolicy } from './prepare-options.ts';

/** Gaps of the regular series: runs of consecutive points not observed, filled by interpolation. */
export interface GapSummary {
  /** Runs of consecutive filled points. */
  runs: number;
  /** Points filled. */
  pointsFilled: number;
  /** Of the points filled, observed target values taken as dropouts (see `findDropouts`). */
  dropouts: number;
  /** The longest run, in points. */
  longestPoints: number;
  /** The longest run as a duration (`5 hours`, `none` without gaps). */
  longest: string;
}

/** Statistics of one column over the rows read, with the rule that resampling applies to it. */
export interface ColumnSummary extends ColumnStats {
  /** Column name. */
  name: string;
  /** Aggregation rule for resampling ({@link aggregationFor}). */
  aggregation: Aggregation;
  /** True for the demand column. */
  target: boolean;
}

/** What preparing one series found and did. Row counts satisfy the same identity as {@link DataSummary}. */
export interface SeriesSummary {
  /** Series id (`default` without an id column). */
  id: string;
  /** Rows of this series in the file. */
  rowsRead: number;
  /** Points of the regular series that at least one row fell into. */
  rowsUsed: number;
  /** Rows merged into an earlier row with the same timestamp (`onDuplicate`). */
  duplicatesMerged: number;
  /** Distinct timestamps that occurred more than once. */
  duplicateTimestamps: number;
  /** Rows merged into a bucket with another row by resampling. */
  rowsMergedByResample: number;
  /** Rows earlier than a row before them in the file (sorted back, stable). */
  outOfOrderRows: number;
  /** Resampled buckets with fewer rows than the data step allows (null without resampling or data step). */
  partialBuckets: number | null;
  /** Points of the regular series (observed + filled). */
  points: number;
  /** First and last point, ISO 8601 UTC. */
  start: string;
  end: string;
  /** The series' step in ms. */
  stepMs: number;
  /** The step inferred from the data, null when irregular (only possible when resampled). */
  dataStepMs: number | null;
  gaps: GapSummary;
  /** Statistics of each numeric column over the rows of this series as read. */
  columns: Record<string, ColumnStats>;
  /** Columns with no value in this series, left out of its `columns`. */
  droppedColumns: string[];
}

/** A series left out because it could not be prepared (`onSeriesError: 'collect'`). */
export interface SeriesFailure {
  /** Series id. */
  id: string;
  /** The CdfError code. */
  code: CdfErrorCode;
  /** The one-line message (`error.toLine()`), naming the series. */
  message: string;
  /** Rows of the series, all counted in `rowsInFailedSeries`. */
  rowsRead: number;
}

/**
 * What `cdf validate FILE` reports: where the data came from, what was read, how it was
 * regularised, and what was merged or filled. JSON-serialisable (numbers, strings, null, arrays).
 *
 * Every row read is accounted for:
 * `rowsRead = rowsUsed + duplicatesMerged + rowsMergedByResample + rowsInFailedSeries`.
 */
export interface DataSummary {
  /** Path of the file, or null for an in-memory table. */
  source: string | null;
  /** File format (`csv`, `json`, `ndjson`, `parquet`), or null when unknown. */
  format: string | null;
  /** How timestamps were written, as the loader detected it; null when unknown. */
  timestampFormat: string | null;
  /** Timestamp and id column names, when known. */
  timeColumn: string | null;
  idColumn: string | null;
  /** Demand column. */
  target: string;
  /** IANA time zone stored on the series. */
  timeZone: string;
  rowsRead: number;
  rowsUsed: number;
  duplicatesMerged: number;
  duplicateTimestamps: number;
  /** The duplicate rule in force. */
  duplicatePolicy: DuplicatePolicy;
  rowsMergedByResample: number;
  /** Rows of series that failed (see `failures`). */
  rowsInFailedSeries: number;
  outOfOrderRows: number;
  /** Series prepared. */
  seriesCount: number;
  /** First and last point over all prepared series, ISO 8601 UTC; null without series. */
  start: string | null;
  end: string | null;
  /** The step shared by every prepared series, null if they differ or none was prepared. */
  stepMs: number | null;
  /** The step in words (`1h`), `mixed (1h, 5min)` when series differ, `-` without series. */
  step: string;
  /** `inferred` from the data, or `resampled` to the `resample` option. */
  stepSource: 'inferred' | 'resampled';
  /** Distinct steps inferred from the data over the series (empty when none could be). */
  dataSteps: string[];
  /** Points of all prepared series. */
  points: number;
  /** Gaps over all prepared series (the longest is the longest of any series). */
  gaps: GapSummary;
  /** Column statistics over every row read (all series), in table order. */
  columns: ColumnSummary[];
  /** Non-numeric columns the loader skipped. */
  textColumns: string[];
  /** One entry per prepared series, in first-appearance order. */
  series: SeriesSummary[];
  /** Series that could not be prepared. */
  failures: SeriesFailure[];
}
