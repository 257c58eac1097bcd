import { CdfError, CdfErrorCode } from '@cdf/core';
import { checkAlignedFinite, type NumericArray } from '../metric-input.ts';
import type { NabCostMatrix } from './nab-profiles.ts';
import { nabScaledSigmoid } from './scaled-sigmoid.ts';

/** A labelled anomaly window: UTC epoch ms of its first and last row, both inclusive. */
export interface NabWindow {
  /** Timestamp of the window's first row; must be one of the file's timestamps. */
  start: number;
  /** Timestamp of the window's last row; must be one of the file's timestamps. */
  end: number;
}

/** Input of {@link scoreNabFile}. */
export interface NabFileInput {
  /** UTC epoch ms of each row, in file order (NAB data has a few repeated times). */
  timestamps: NumericArray;
  /** The detector's anomaly score of each row. */
  scores: NumericArray;
  /** The file's windows, sorted and disjoint (NAB's `combined_windows.json` entry). */
  windows: readonly NabWindow[];
  /** A row is a detection when `score >= threshold`. */
  threshold: number;
  /** Profile weights. */
  costMatrix: Readonly<NabCostMatrix>;
  /** Share of the file's first rows that is not scored. Default 0.15, as NAB. */
  probationaryPercent?: number;
  /** Name used in error messages. */
  file?: string;
}

/** The NAB score of one file and its row counts (NAB's per-file results row). */
export interface NabFileScore {
  /** Raw (unnormalised) score: window rewards and costs plus weighted false positives. */
  rawScore: number;
  /** Detections inside windows, after probation (rows). */
  tp: number;
  /** Detections outside windows, after probation (rows). */
  fp: number;
  /** Window rows without detection, after probation. */
  fn: number;
  /** Rows outside windows without detection, after probation. */
  tn: number;
  /** Number of rows in probation (not scored). */
  probationaryRows: number;
  /** Windows with at least one row after probation (each costs `fnWeight` when missed). */
  scoredWindows: number;
  /** Of those, windows with at least one detection. */
  detectedWindows: number;
}

/**
 * Score one file exactly as NAB v1.0's `Sweeper.scoreDataSet` (`nab/sweeper.py`) does:
 *
 * - the first `min(floor(p * n), p * 5000)` rows are probation and not scored (p = 0.15);
 * - each window scores `-fnWeight` when no row in it is detected, else the best (earliest)
 *   detection's `tpWeight * S(-(right - i + 1) / width) / S(-1)`, `S` = {@link nabScaledSigmoid};
 * - a detection outside every window adds `fpWeight * S(|i - right| / (width - 1))` measured from
 *   the closest preceding window (about `-fpWeight` far after it), or `-fpWeight` before the
 *   first window. After a one-row window the distance is infinite (NAB would divide by zero).
 *
 * Positions are row indices, not elapsed time, and rows are walked in file order (NAB files have
 * duplicate timestamps). Throws `CdfError` when a window bound is not one of the timestamps or
 * the windows are unsorted or overlap.
 */
export function scoreNabFile(input: NabFileInput): NabFileScore {
  const { timestamps, scores, windows, threshold, costMatrix } = input;
  const file = input.file;
  const n = checkAlignedFinite('scoreNabFile', { timestamps, scores });
  const p = input.probationaryPercent ?? 0.15;
  const probationaryLength = Math.min(Math.floor(p * n), p * 5000);

  // NAB locates a window's bounds with `timestamps.index(...)`: the first row holding that time.
  const lefts = new Int32Array(windows.length);
  const rights = new Int32Array(windows.length);
  windows.forEach((window, w) => {
    const left = indexOfFirst(timestamps, window.start);
    const right = indexOfFirst(timestamps, window.end);
    if (left < 0 || right < 0) {
      throw new CdfError(CdfErrorCode.InvalidValue, 'a window bound is not one of the file timestamps', {
        file,
        column: 'windows',
        value: new Date(left < 0 ? window.start : window.end).toISOString(),
        expected: 'window bounds that match data timestamps exactly',
      });
    }
    const previous = windows[w - 1];
    if (window.end < window.start || (previous !== undefined && window.start <= previous.end)) {
      throw new CdfError(CdfErrorCode.InvalidValue, 'windows are unsorted or overlap', {
        file,
        column: 'windows',
        value: `${new Date(window.start).toISOString()}..${new Date(window.end).toISOString()}`,
        expected: 'sorted, disjoint windows',
      });
    }
    lefts[w] = left;
    rights[w] = right;
  });

  const maxTp = nabScaledSigmoid(-1);
  const best = new Float64Array(windows.length).fill(-costMatrix.fnWeight);
  const scored = new Uint8Array(windows.length);
  const detected = new Uint8Array(windows.length);
  let fpScore = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  // Walk the rows in file order as NAB's sweeper does: a window opens at the first row whose time
  // equals its start and closes at the first row whose time equals its end. NAB files have
  // duplicate and backward timestamps (DST changes), so this is not the same as an index range.
  let next = 0;
  let current = -1;
  let width = 0;
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    const t = timestamps[i]!;
    if (next < windows.length && t === windows[next]!.start) {
      current = next++;
      width = rights[current]! - lefts[current]! + 1;
    }
    const isDetection = scores[i]! >= threshold;
    if (i >= probationaryLength) {
      if (current >= 0) {
        scored[current] = 1;
        if (isDetection) {
          tp++;
          detected[current] = 1;
          const position = -(rights[current]! - i + 1) / width;
          const weighted = (nabScaledSigmoid(position) * costMatrix.tpWeight) / maxTp;
          if (weighted > best[current]!) best[current] = weighted;
        } else {
          fn++;
        }
      } else if (isDetection) {
        fp++;
        const position = prevRight < 0 ? 3 : Math.abs(prevRight - i) / (prevWidth - 1);
        fpScore += nabScaledSigmoid(position) * costMatrix.fpWeight;
      } else {
        tn++;
      }
    }
    if (current >= 0 && t === windows[current]!.end) {
      prevRight = i;
      prevWidth = width;
      current = -1;
    }
  }

  let rawScore = fpScore;
  let scoredWindows = 0;
  let detectedWindows = 0;
  for (let k = 0; k < windows.length; k++) {
    if (!scored[k]) continue;
    scoredWindows++;
    detectedWindows += detected[k]!;
    rawScore += best[k]!;
  }
  return {
    rawScore,
    tp,
    fp,
    fn,
    tn,
    probationaryRows: Math.min(n, Math.ceil(probationaryLength)),
    scoredWindows,
    detectedWindows,
  };
}

function indexOfFirst(timestamps: NumericArray, t: number): number {
  for (let i = 0; i < timestamps.length; i++) if (timestamps[i] === t) return i;
  return -1;
}
