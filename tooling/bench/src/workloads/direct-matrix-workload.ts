import type { Series } from '@cdf/core';
import { buildDirectMatrix, type DirectMatrix } from '@cdf/features';

/** The GBDT benchmark's design: every 11th origin, horizons 1, 24, 48, ..., 168 h (about 12,700 rows over two years). */
export const GBDT_DESIGN = { origins: { stride: 11 }, horizons: { max: 168, stride: 24 } } as const;

/** Hyperparameters both cdf and native XGBoost train with (XGBoost's names in the peer). */
export const GBDT_BENCH_PARAMS = {
  iterations: 200,
  maxDepth: 6,
  eta: 0.1,
  subsample: 1,
  colsampleByTree: 1,
} as const;

/** Named feature columns and a label: what a GBDT trains on. */
export interface LabelledRows {
  names: readonly string[];
  columns: Float64Array[];
  rows: number;
  label: Float64Array;
  /** Epoch ms of each row's origin and of its target. */
  originTime: Float64Array;
  targetTime: Float64Array;
}

/** The train and holdout parts of the direct design matrix. */
export interface DirectSplit {
  train: LabelledRows;
  holdout: LabelledRows;
  /** The first instant of the held-out last 20%. */
  cutTime: number;
}

function pick(series: Series, matrix: DirectMatrix, label: Float64Array, keep: number[]): LabelledRows {
  return {
    names: matrix.matrix.names,
    columns: matrix.matrix.columns.map((c) => Float64Array.from(keep, (r) => c[r]!)),
    rows: keep.length,
    label: Float64Array.from(keep, (r) => label[r]!),
    originTime: Float64Array.from(keep, (r) => series.timestamps[matrix.matrix.origins[r]!]!),
    targetTime: Float64Array.from(keep, (r) => matrix.targetTime[r]!),
  };
}

/**
 * The direct multi-horizon matrix of `series` with the scale-free target (value at t + h over the
 * value at t), split in time: rows whose target falls before the last 20% of the series train,
 * rows whose origin lies in it are held out (no target of the training rows is inside it).
 */
export function directSplit(series: Series): DirectSplit {
  const matrix = buildDirectMatrix(series, GBDT_DESIGN);
  const n = series.values.length;
  const cut = Math.floor(n * 0.8);
  const cutTime = series.timestamps[cut]!;
  const train: number[] = [];
  const holdout: number[] = [];
  for (let r = 0; r < matrix.matrix.rows; r++) {
    if (!matrix.usable[r] || !Number.isFinite(matrix.targetRatio[r]!)) continue;
    if (matrix.targetTime[r]! < cutTime) train.push(r);
    else if (matrix.matrix.origins[r]! >= cut) holdout.push(r);
  }
  return {
    train: pick(series, matrix, matrix.targetRatio, train),
    holdout: pick(series, matrix, matrix.targetRatio, holdout),
    cutTime,
  };
}

/** Rows as CSV: the feature columns then `label`, NaN as an empty cell (what the XGBoost peer reads). */
export function rowsToCsv(rows: LabelledRows): string {
  const lines = [[...rows.names, 'label'].join(',')];
  for (let r = 0; r < rows.rows; r++) {
    const cells = rows.columns.map((c) => (Number.isNaN(c[r]!) ? '' : String(c[r])));
    cells.push(String(rows.label[r]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
