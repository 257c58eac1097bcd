import { CdfError, formatStep, type MetricsTable, type Series, toIsoUtc } from '@cdf/core';
import type { LoadedTable } from '../load/index.ts';
import { aggregationFor } from './aggregation-rule.ts';
import { checkTable } from './check-table.ts';
import { type ColumnMoments, columnMoments, combineMoments, statsOf } from './column-stats.ts';
import type { DataSummary, GapSummary, SeriesFailure, SeriesSummary } from './data-summary.ts';
import { describeDuration } from './describe-duration.ts';
import type { PrepareInput } from './loaded-table.ts';
import { prepareOneSeries, type SeriesPreparation } from './prepare-one-series.ts';
import { type PrepareOptions, resolvePrepareOptions } from './prepare-options.ts';
import { splitById } from './split-by-id.ts';

/** A series that could not be prepared, with its error (`onSeriesError: 'collect'`). */
export interface PreparedFailure {
  /** Series id. */
  id: string;
  /** Why; its message names the series when the table has ids. */
  error: CdfError;
}

/** The result of {@link prepareSeries}. */
export interface PreparedData {
  /** One regular series per id, in first-appearance order (`default` without ids). */
  series: Series[];
  /** What was read and done, for `cdf validate` and `run.json`. */
  summary: DataSummary;
  /** Series left out (only with `onSeriesError: 'collect'`; empty otherwise). */
  failures: PreparedFailure[];
}

/**
 * Regularise a metrics table into {@link Series}: split by id, sort (stable), merge or reject
 * duplicate timestamps, infer the step or resample, fill gaps by linear interpolation and flag
 * them in `filled`, and account for every row in the {@link DataSummary}.
 *
 * Each series is prepared on its own. By default the first failure throws (its message names
 * the series when the table has ids); with `onSeriesError: 'collect'` failed series are left
 * out and listed in `failures` and `summary.failures`, the others still prepared.
 *
 * @throws CdfError `MISSING_COLUMN`, `INVALID_VALUE`, `INVALID_CONFIG` for the table or options;
 *   `DUPLICATE_TIMESTAMP`, `IRREGULAR_STEP`, `INSUFFICIENT_HISTORY` per series.
 * @example
 * const { series, summary } = prepareSeries(table, { resample: '1h', onDuplicate: 'mean' });
 */
export function prepareSeries(table: LoadedTable | MetricsTable, options: PrepareOptions = {}): PreparedData {
  const input = table as PrepareInput;
  const resolved = resolvePrepareOptions(input, options);
  checkTable(input, resolved.target);
  const columnNames = Object.keys(input.columns);
  const labelled = input.ids !== undefined;

  const series: Series[] = [];
  const seriesSummaries: SeriesSummary[] = [];
  const failures: PreparedFailure[] = [];
  const failureSummaries: SeriesFailure[] = [];
  const totals = new Map<string, ColumnMoments>();

  for (const rows of splitById(input)) {
    const moments: Record<string, ColumnMoments> = {};
    for (const name of columnNames) {
      const m = columnMoments(rows.columns[name]!);
      moments[name] = m;
      const total = totals.get(name);
      totals.set(name, total ? combineMoments(total, m) : m);
    }
    try {
      const { series: one, preparation } = prepareOneSeries(rows, resolved);
      series.push(one);
      const stats: Record<string, ReturnType<typeof statsOf>> = {};
      for (const name of columnNames) stats[name] = statsOf(moments[name]!);
      const { gaps, ...counts } = preparation;
      seriesSummaries.push({
        id: rows.id,
        ...counts,
        points: one.timestamps.length,
        start: toIsoUtc(one.timestamps[0]!),
        end: toIsoUtc(one.timestamps[one.timestamps.length - 1]!),
        stepMs: one.stepMs,
        gaps: gapSummary(gaps, one.stepMs),
        columns: stats,
      });
    } catch (error) {
      if (!CdfError.isInstance(error)) throw error;
      if (labelled) error.message = `series "${rows.id}": ${error.message}`;
      if (resolved.onSeriesError === 'throw') throw error;
      failures.push({ id: rows.id, error });
      failureSummaries.push({
        id: rows.id,
        code: error.code,
        message: error.toLine(),
        rowsRead: rows.timestamps.length,
      });
    }
  }

  const summary = summarise(input, resolved.target, options, resolved.timeZone, resolved.onDuplicate);
  return {
    series,
    failures,
    summary: {
      ...summary,
      ...totalsOf(seriesSummaries, failureSummaries, series),
      columns: columnNames.map((name) => ({
        name,
        aggregation: aggregationFor(name, resolved.aggregation),
        target: name === resolved.target,
        ...statsOf(totals.get(name)!),
      })),
      series: seriesSummaries,
      failures: failureSummaries,
    },
  };
}

function summarise(
  input: PrepareInput,
  target: string,
  options: PrepareOptions,
  timeZone: string,
  duplicatePolicy: DataSummary['duplicatePolicy'],
): Pick<
  DataSummary,
  | 'source'
  | 'format'
  | 'timestampFormat'
  | 'timeColumn'
  | 'idColumn'
  | 'target'
  | 'timeZone'
  | 'duplicatePolicy'
  | 'stepSource'
  | 'textColumns'
> {
  return {
    source: input.source ?? null,
    format: input.format ?? formatFromPath(input.source),
    timestampFormat: input.timestampFormat ?? null,
    timeColumn: input.timeCol ?? null,
    idColumn: input.idCol ?? null,
    target,
    timeZone,
    duplicatePolicy,
    stepSource: options.resample === undefined ? 'inferred' : 'resampled',
    textColumns: [...(input.textColumns ?? [])],
  };
}

function totalsOf(
  summaries: SeriesSummary[],
  failures: SeriesFailure[],
  series: Series[],
): Omit<DataSummary, keyof ReturnType<typeof summarise> | 'columns' | 'series' | 'failures'> {
  const sum = (pick: (s: SeriesSummary) => number) => summaries.reduce((acc, s) => acc + pick(s), 0);
  const rowsInFailedSeries = failures.reduce((acc, f) => acc + f.rowsRead, 0);
  const steps = [...new Set(series.map((s) => s.stepMs))];
  const dataSteps = [...new Set(summaries.flatMap((s) => (s.dataStepMs === null ? [] : [s.dataStepMs])))];
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let longest = 0;
  let longestMs = 0;
  for (const s of series) {
    start = Math.min(start, s.timestamps[0]!);
    end = Math.max(end, s.timestamps[s.timestamps.length - 1]!);
  }
  for (const s of summaries) {
    if (s.gaps.longestPoints * s.stepMs > longestMs) {
      longestMs = s.gaps.longestPoints * s.stepMs;
      longest = s.gaps.longestPoints;
    }
  }
  return {
    rowsRead: sum((s) => s.rowsRead) + rowsInFailedSeries,
    rowsUsed: sum((s) => s.rowsUsed),
    duplicatesMerged: sum((s) => s.duplicatesMerged),
    duplicateTimestamps: sum((s) => s.duplicateTimestamps),
    rowsMergedByResample: sum((s) => s.rowsMergedByResample),
    rowsInFailedSeries,
    outOfOrderRows: sum((s) => s.outOfOrderRows),
    seriesCount: series.length,
    start: series.length > 0 ? toIsoUtc(start) : null,
    end: series.length > 0 ? toIsoUtc(end) : null,
    stepMs: steps.length === 1 ? steps[0]! : null,
    step:
      steps.length === 0
        ? '-'
        : steps.length === 1
          ? formatStep(steps[0]!)
          : `mixed (${steps.map(formatStep).join(', ')})`,
    dataSteps: dataSteps.map(formatStep),
    points: sum((s) => s.points),
    gaps: {
      runs: sum((s) => s.gaps.runs),
      pointsFilled: sum((s) => s.gaps.pointsFilled),
      dropouts: sum((s) => s.gaps.dropouts),
      longestPoints: longest,
      longest: longestMs > 0 ? describeDuration(longestMs) : 'none',
    },
  };
}

function gapSummary(gaps: SeriesPreparation['gaps'], stepMs: number): GapSummary {
  const { runs, pointsFilled, dropouts, longestPoints } = gaps;
  return {
    runs,
    pointsFilled,
    dropouts,
    longestPoints,
    longest: longestPoints > 0 ? describeDuration(longestPoints * stepMs) : 'none',
  };
}

function formatFromPath(path: string | undefined): string | null {
  if (!path) return null;
  const match = /\.(csv|tsv|json|ndjson|jsonl|parquet)(\.gz)?$/i.exec(path);
  if (!match) return null;
  const ext = match[1]!.toLowerCase();
  return ext === 'jsonl' ? 'ndjson' : ext;
}
