import { CdfError, CdfErrorCode, formatStep, toIsoUtc } from '@cdf/core';

/** Where the timestamps given to {@link inferStep} come from, for its error messages. */
export interface StepContext {
  /** Path of the file, for the error location. */
  source?: string;
  /** Name of the timestamp column, for the error location. */
  timeCol?: string;
  /**
   * 1-based source row of the timestamp at `index`, asked only to word an error. Default
   * `index + 1`.
   */
  rowOf?: (index: number) => number;
}

/** A spacing shared by at least this share of consecutive differences is a real step. */
const MIN_STEP_SHARE = 0.1;

/**
 * Infer the fixed step (ms) of sorted timestamps. Equal neighbours (duplicates) are ignored.
 *
 * The rule: take `g`, the greatest common divisor of the positive differences between
 * consecutive timestamps, i.e. the largest step that puts every timestamp on one grid. Accept it
 * when it is also a spacing the data actually shows: the most common difference (the mode), or a
 * difference found in at least 10% of the spacings. So hourly data with missing hours (differences
 * of 1h, 2h, 5h) is 1h, and data that skips every other hour most of the time is still 1h; but
 * `10:00, 11:00, 11:37, 12:00` (gcd 1 min, a spacing that never occurs) is irregular.
 *
 * @throws CdfError `INSUFFICIENT_HISTORY` with fewer than 2 distinct timestamps.
 * @throws CdfError `IRREGULAR_STEP` naming the first row off the grid of the most common
 *   difference, suggesting `--resample`; also for sub-millisecond differences.
 */
export function inferStep(sortedTimestamps: Float64Array, context: StepContext = {}): number {
  const n = sortedTimestamps.length;
  const rowOf = context.rowOf ?? ((k: number): number => k + 1);
  const where = { file: context.source, column: context.timeCol };
  let gcd = 0;
  let diffs = 0;
  for (let k = 1; k < n; k++) {
    const d = sortedTimestamps[k]! - sortedTimestamps[k - 1]!;
    if (d === 0) continue;
    if (d === gcd) {
      diffs++;
      continue; // the common case, without a (slow) floating-point modulo
    }
    if (!(d > 0)) {
      throw new CdfError(
        CdfErrorCode.IrregularStep,
        'timestamps must be sorted before the step is inferred',
        {
          ...where,
          row: rowOf(k),
        },
      );
    }
    if (!Number.isInteger(d)) {
      throw new CdfError(
        CdfErrorCode.IrregularStep,
        `timestamp ${toIsoUtc(sortedTimestamps[k]!)} has a sub-millisecond offset; cannot infer a step, pass --resample`,
        { ...where, row: rowOf(k) },
      );
    }
    gcd = gcd === 0 ? d : greatestCommonDivisor(gcd, d);
    diffs++;
  }
  if (diffs === 0) {
    throw new CdfError(
      CdfErrorCode.InsufficientHistory,
      `cannot infer the step from ${n === 0 ? 'no timestamps' : '1 distinct timestamp'}: need at least 2 distinct timestamps`,
      where,
    );
  }
  let gcdCount = 0;
  for (let k = 1; k < n; k++) if (sortedTimestamps[k]! - sortedTimestamps[k - 1]! === gcd) gcdCount++;
  if (gcdCount >= MIN_STEP_SHARE * diffs) return gcd;
  // Rare path (very gappy or irregular data): count every spacing to find the mode.
  const counts = new Map<number, number>();
  for (let k = 1; k < n; k++) {
    const d = sortedTimestamps[k]! - sortedTimestamps[k - 1]!;
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const { mode, anchor } = referenceGrid(sortedTimestamps, counts);
  if (gcd === mode) return gcd;

  const origin = sortedTimestamps[anchor]!;
  for (let k = 0; k < n; k++) {
    const offset = (sortedTimestamps[k]! - origin) % mode;
    if (offset !== 0) {
      throw new CdfError(
        CdfErrorCode.IrregularStep,
        `timestamp ${toIsoUtc(sortedTimestamps[k]!)} is off the ${formatStep(mode)} grid of the other rows ` +
          `(most common spacing); pass --resample ${formatStep(mode)} (or another step) to regularise`,
        { ...where, row: rowOf(k) },
      );
    }
  }
  return mode; // unreachable: a gcd below the mode implies a row off the mode's grid
}

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Tied most-common spacings considered when choosing the grid an error message refers to. */
const MAX_TIED_CANDIDATES = 16;

/**
 * The grid the regular rows sit on: the most common spacing, anchored at its first occurrence.
 * Ties (common in short series) go to the spacing whose grid holds the most timestamps, then to
 * the larger spacing, so `10:00, 11:00, 11:37, 12:00` reads as 1h with 11:37 off the grid.
 */
function referenceGrid(
  timestamps: Float64Array,
  counts: Map<number, number>,
): { mode: number; anchor: number } {
  let best = 0;
  for (const c of counts.values()) if (c > best) best = c;
  const tied = [...counts].filter(([, c]) => c === best).map(([d]) => d);
  let choice = { mode: 0, anchor: 0, onGrid: -1 };
  for (const mode of tied.slice(0, MAX_TIED_CANDIDATES)) {
    const anchor = anchorIndex(timestamps, mode);
    const origin = timestamps[anchor]!;
    let onGrid = 0;
    if (tied.length > 1)
      for (let k = 0; k < timestamps.length; k++) if ((timestamps[k]! - origin) % mode === 0) onGrid++;
    if (onGrid > choice.onGrid || (onGrid === choice.onGrid && mode > choice.mode))
      choice = { mode, anchor, onGrid };
  }
  return { mode: choice.mode, anchor: choice.anchor };
}

/** The first timestamp followed by a mode-sized step: the grid the regular rows sit on. */
function anchorIndex(timestamps: Float64Array, mode: number): number {
  for (let k = 1; k < timestamps.length; k++) if (timestamps[k]! - timestamps[k - 1]! === mode) return k - 1;
  return 0;
}
