import { CdfError, CdfErrorCode } from '@cdf/core';
import { type FeatureColumns, namedColumns } from './feature-columns.ts';
import {
  type GbdtObjective,
  type GbdtParams,
  type GbdtParamsInput,
  resolveGbdtParams,
} from './gbdt-params.ts';
import { encodeRowMajor } from './row-major-encoding.ts';

/** What {@link trainGbdt} learns from. */
export interface TrainGbdtInput {
  /** Feature columns, or a `FeatureMatrix`-like `{ names, columns, rows }`. NaN = missing. */
  features: FeatureColumns;
  /** The target, one value per row: any finite number (`regression`) or 0/1 (`binary`). */
  label: Float64Array;
  /**
   * Optional row weights: whole numbers >= 0. The WASM build's C interface has no weight
   * field, so a row of weight k is given k times (0 drops it); fractions are refused.
   */
  weight?: Float64Array;
  objective: GbdtObjective;
  /** Hyperparameters; see {@link GbdtParamsSchema}. */
  params?: GbdtParamsInput;
  /** Seed of row and column sampling: the same input and seed give the same model, byte for byte. */
  seed: number;
}

/**
 * A training run reduced to plain data (what a worker thread receives): the row-major float32
 * matrix with NaN encoded as missing, float32 labels, and parsed parameters.
 */
export interface TrainingJob {
  data: Float32Array;
  labels: Float32Array;
  rows: number;
  cols: number;
  featureNames: readonly string[];
  objective: GbdtObjective;
  params: GbdtParams;
  seed: number;
}

/** Check and encode a training input. Throws a CdfError naming the field at fault. */
export function prepareTrainingJob(input: TrainGbdtInput): TrainingJob {
  const features = namedColumns(input.features);
  const { label, weight, objective } = input;
  if (objective !== 'regression' && objective !== 'binary') {
    throw new CdfError(CdfErrorCode.InvalidConfig, `unknown GBDT objective "${String(objective)}"`, {
      column: 'objective',
      value: String(objective),
      expected: '"regression" or "binary"',
    });
  }
  if (!Number.isSafeInteger(input.seed) || input.seed < 0) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'the GBDT seed must be a whole number >= 0', {
      column: 'seed',
      value: String(input.seed),
      expected: 'an integer >= 0',
    });
  }
  const params = resolveGbdtParams(input.params);
  checkAligned('label', label, features.rows);
  for (let r = 0; r < features.rows; r++) {
    const y = label[r]!;
    const ok = objective === 'binary' ? y === 0 || y === 1 : Number.isFinite(y);
    if (!ok) {
      throw new CdfError(CdfErrorCode.InvalidValue, 'bad training label', {
        row: r + 1,
        column: 'label',
        value: String(y),
        expected: objective === 'binary' ? '0 or 1' : 'a finite number',
      });
    }
  }
  const rowIndex = weight ? replicateByWeight(weight, features.rows) : undefined;
  const rows = rowIndex ? rowIndex.length : features.rows;
  if (rows === 0) {
    throw new CdfError(CdfErrorCode.InsufficientHistory, 'no training rows (all weights are 0?)', {
      column: 'label',
      expected: 'at least one row with weight > 0',
    });
  }
  const labels = new Float32Array(rows);
  for (let r = 0; r < rows; r++) labels[r] = label[rowIndex ? rowIndex[r]! : r]!;
  return {
    data: encodeRowMajor(features, rowIndex),
    labels,
    rows,
    cols: features.columns.length,
    featureNames: [...features.names],
    objective,
    params,
    seed: input.seed,
  };
}

function checkAligned(field: string, values: Float64Array, rows: number): void {
  if (!(values instanceof Float64Array) || values.length !== rows) {
    throw new CdfError(CdfErrorCode.InvalidValue, `"${field}" does not match the feature rows`, {
      column: field,
      value: values instanceof Float64Array ? String(values.length) : typeof values,
      expected: `a Float64Array of ${rows} values`,
    });
  }
}

function replicateByWeight(weight: Float64Array, rows: number): Int32Array {
  checkAligned('weight', weight, rows);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const w = weight[r]!;
    if (!Number.isInteger(w) || w < 0) {
      throw new CdfError(CdfErrorCode.InvalidValue, 'row weights must be whole numbers >= 0', {
        row: r + 1,
        column: 'weight',
        value: String(w),
        expected: 'an integer >= 0 (a row of weight k is given k times)',
      });
    }
    total += w;
  }
  const index = new Int32Array(total);
  let k = 0;
  for (let r = 0; r < rows; r++) for (let c = 0; c < weight[r]!; c++) index[k++] = r;
  return index;
}
