import {
  type Aggregation,
  CdfError,
  CdfErrorCode,
  formatStep,
  InsufficientHistoryError,
  type Series,
  toIsoUtc,
} from '@cdf/core';
import { aggregateGroups } from './aggregate-groups.ts';
import { aggregationFor } from './aggregation-rule.ts';
import { describeDuration } from './describe-duration.ts';
import { findDropouts } from './dropouts.ts';
import { type GapStats, gapStats, interpolateMissing } from './fill-gaps.ts';
import { inferStep } from './infer-step.ts';
import type { ResolvedPrepareOptions } from './prepare-options.ts';
import { stableArgsort } from './stable-argsort.ts';

/** The rows of one series, in file order. */
export interface SeriesRows {
  id: string;
  timestamps: Float64Array;
  columns: Record<string, Float64Array>;
  /** 1-based source row of each row; null means row `i` is source row `i + 1`. */
  sourceRows: Uint32Array | null;
}

/** What preparing one series did to its rows, for the summary. */
export interface SeriesPreparation {
  rowsRead: number;
  /** Points of the regular series that at least one row fell into. */
  rowsUsed: number;
  /** Rows merged into an earlier row with the same timestamp. */
  duplicatesMerged: number;
  /** Timestamps that occurred more than once. */
  duplicateTimestamps: number;
  /** Rows merged into a bucket another row already opened, by resampling. */
  rowsMergedByResample: number;
  /** Rows whose timestamp is earlier than a row before them in the file. */
  outOfOrderRows: number;
  /** Resampled buckets holding fewer rows than the data step allows; null without resampling. */
  partialBuckets: number | null;
  /** Inferred step of the data; null when it has none (irregular, or one timestamp) and was resampled. */
  dataStepMs: number | null;
  /** Runs of filled points; `dropouts` of them were observed values taken as missing. */
  gaps: GapStats & { dropouts: number };
  /** Columns with no value at all in this series, left out of `Series.columns`. */
  droppedColumns: string[];
}

/** Largest regular series prepare builds; beyond it the step is surely wrong for the data. */
const MAX_POINTS = 2 ** 26;

/**
 * Turn the rows of one series into a regular {@link Series}: stable sort, merge duplicates,
 * infer the step (or resample), place rows on the grid, interpolate gaps and flag them.
 * Throws a CdfError for anything it cannot do faithfully.
 */
export function prepareOneSeries(
  rows: SeriesRows,
  options: ResolvedPrepareOptions,
): { series: Series; preparation: SeriesPreparation } {
  const { timestamps, columns } = rows;
  const rowCount = timestamps.length;
  const where = { file: options.source, column: options.timeCol };
  const rowOf = (i: number): number => (rows.sourceRows ? rows.sourceRows[i]! : i + 1);
  if (rowCount === 0) throw new CdfError(CdfErrorCode.EmptyInput, 'the series has no rows', where);

  let outOfOrderRows = 0;
  let latest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rowCount; i++) {
    const t = timestamps[i]!;
    if (t < latest) outOfOrderRows++;
    else latest = t;
  }
  const order = outOfOrderRows > 0 ? stableArgsort(timestamps) : null;
  const sorted = order ? gather(timestamps, order) : timestamps;

  // Duplicates: equal neighbours after the stable sort, earlier file row first.
  let distinct = rowCount > 0 ? 1 : 0;
  let duplicateTimestamps = 0;
  for (let k = 1; k < rowCount; k++) {
    if (sorted[k] !== sorted[k - 1]) {
      distinct++;
      continue;
    }
    if (k === 1 || sorted[k - 2] !== sorted[k]) duplicateTimestamps++;
    if (options.onDuplicate === 'error') {
      const first = rowOf(order ? order[k - 1]! : k - 1);
      const second = rowOf(order ? order[k]! : k);
      throw new CdfError(
        CdfErrorCode.DuplicateTimestamp,
        `duplicate timestamp ${toIsoUtc(sorted[k]!)} (also at row ${first}); ` +
          'pass --on-duplicate sum|mean|last to merge rows that share a timestamp',
        { ...where, row: second },
      );
    }
  }
  const duplicatesMerged = rowCount - distinct;
  // Without duplicates every row is its own group: no group index, no copy.
  let group: Uint32Array | null = null;
  let distinctTimes = sorted;
  let firstOfGroup: Uint32Array | null = null;
  if (duplicatesMerged > 0) {
    group = new Uint32Array(rowCount);
    distinctTimes = new Float64Array(distinct);
    firstOfGroup = new Uint32Array(distinct);
    let g = -1;
    for (let k = 0; k < rowCount; k++) {
      if (k === 0 || sorted[k] !== sorted[k - 1]) {
        g++;
        distinctTimes[g] = sorted[k]!;
        firstOfGroup[g] = k;
      }
      group[k] = g;
    }
  }
  const rowOfDistinct = (g: number): number => {
    const k = firstOfGroup ? firstOfGroup[g]! : g;
    return rowOf(order ? order[k]! : k);
  };
  const merged: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(columns)) {
    if (group)
      merged[name] = aggregateGroups(column, order, group, distinct, options.onDuplicate as Aggregation);
    else merged[name] = order ? gather(column, order) : column;
  }

  // Step: inferred from the data, or the resampling step (the data may then be irregular).
  const resampleMs = options.resampleMs;
  let dataStepMs: number | null = null;
  try {
    dataStepMs = inferStep(distinctTimes, { ...optionalContext(options), rowOf: rowOfDistinct });
  } catch (error) {
    if (resampleMs === null || !CdfError.isInstance(error)) throw error;
  }
  if (resampleMs !== null && dataStepMs !== null && resampleMs < dataStepMs) {
    throw new CdfError(
      CdfErrorCode.InvalidConfig,
      `cannot resample to ${formatStep(resampleMs)}: finer than the data's step of ${formatStep(dataStepMs)} ` +
        '(resampling only aggregates to a coarser step)',
      { file: options.source },
    );
  }
  const stepMs = resampleMs ?? dataStepMs!;
  const bucketOf = (t: number): number => (resampleMs === null ? t : Math.floor(t / resampleMs) * resampleMs);
  const start = bucketOf(distinctTimes[0]!);
  const end = bucketOf(distinctTimes[distinct - 1]!);
  const points = (end - start) / stepMs + 1;
  if (points > MAX_POINTS || (points > 1_000_000 && points > 100 * distinct)) {
    throw new CdfError(
      CdfErrorCode.IrregularStep,
      `a ${formatStep(stepMs)} step would need ${points} points to cover ${describeDuration(end - start)} ` +
        `with only ${distinct} timestamps; pass --resample with a coarser step`,
      where,
    );
  }

  // Grid positions; with resampling, several rows may share one.
  const position = new Uint32Array(distinct);
  let rowsUsed = 0;
  if (resampleMs === null) {
    for (let k = 0; k < distinct; k++) position[k] = (distinctTimes[k]! - start) / stepMs;
    rowsUsed = distinct;
  } else {
    for (let k = 0; k < distinct; k++) {
      position[k] = (Math.floor(distinctTimes[k]! / resampleMs) * resampleMs - start) / resampleMs;
      if (k === 0 || position[k] !== position[k - 1]) rowsUsed++;
    }
  }
  const partialBuckets =
    resampleMs !== null && dataStepMs !== null && resampleMs % dataStepMs === 0
      ? countPartialBuckets(position, resampleMs / dataStepMs)
      : null;

  const gridColumns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(merged)) {
    if (resampleMs !== null) {
      gridColumns[name] = aggregateGroups(
        column,
        null,
        position,
        points,
        aggregationFor(name, options.aggregation),
      );
    } else if (points === distinct) {
      gridColumns[name] = column === columns[name] ? column.slice() : column;
    } else {
      const out = new Float64Array(points).fill(Number.NaN);
      for (let k = 0; k < distinct; k++) out[position[k]!] = column[k]!;
      gridColumns[name] = out;
    }
  }

  const values = gridColumns[options.target]!;
  let dropouts = 0;
  if (options.dropouts === 'fill') {
    const found = findDropouts(values, stepMs);
    for (let i = 0; i < points; i++) {
      if (found[i] === 1) {
        values[i] = Number.NaN; // missing, so interpolated and flagged below like any gap
        dropouts++;
      }
    }
  }
  const filled = new Uint8Array(points);
  for (let i = 0; i < points; i++) if (Number.isNaN(values[i]!)) filled[i] = 1;
  const droppedColumns: string[] = [];
  for (const [name, column] of Object.entries(gridColumns)) {
    if (interpolateMissing(column)) continue;
    if (name === options.target) {
      throw new CdfError(CdfErrorCode.InvalidValue, `the target column has no values`, {
        file: options.source,
        column: name,
        expected: 'at least one non-empty cell',
      });
    }
    droppedColumns.push(name);
    delete gridColumns[name];
  }

  if (options.minHistory && points < options.minHistory.points) {
    const { model, points: required } = options.minHistory;
    throw new InsufficientHistoryError(model, required, points, {
      unit: `points (${describeDuration(required * stepMs)} at ${formatStep(stepMs)})`,
      file: options.source,
    });
  }

  const grid = new Float64Array(points);
  for (let i = 0; i < points; i++) grid[i] = start + i * stepMs;
  const series: Series = {
    id: rows.id,
    target: options.target,
    stepMs,
    timestamps: grid,
    values,
    filled,
    columns: gridColumns,
    timeZone: options.timeZone,
  };
  return {
    series,
    preparation: {
      rowsRead: rowCount,
      rowsUsed,
      duplicatesMerged,
      duplicateTimestamps,
      rowsMergedByResample: distinct - rowsUsed,
      outOfOrderRows,
      partialBuckets,
      dataStepMs,
      gaps: { ...gapStats(filled), dropouts },
      droppedColumns,
    },
  };
}

function gather(source: Float64Array, order: Uint32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = source[order[k]!]!;
  return out;
}

function countPartialBuckets(position: Uint32Array, full: number): number {
  let partial = 0;
  let run = 0;
  for (let k = 0; k < position.length; k++) {
    run++;
    if (k === position.length - 1 || position[k + 1] !== position[k]) {
      if (run < full) partial++;
      run = 0;
    }
  }
  return partial;
}

function optionalContext(options: ResolvedPrepareOptions): { source?: string; timeCol?: string } {
  const context: { source?: string; timeCol?: string } = {};
  if (options.source !== undefined) context.source = options.source;
  if (options.timeCol !== undefined) context.timeCol = options.timeCol;
  return context;
}
