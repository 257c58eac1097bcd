import { CdfError, CdfErrorCode } from '@cdf/core';
import type { NamedColumns } from './feature-columns.ts';

/**
 * The value the WASM build treats as missing. Its `create_model` and `predict_one` build their
 * matrices with `XGDMatrixCreateFromMat(..., missing = -1)`, and that XGBoost aborts on a NaN
 * cell, so NaN is written as -1 and a genuine -1 (a cosine at noon, say) as the next float32
 * above it, -0.99999994: no float32 lies between the two, so every split is kept exactly.
 */
export const WASM_MISSING = -1;
const JUST_ABOVE_MISSING = Math.fround(-1 + 2 ** -24);

/** One cell as the WASM build must see it (see {@link WASM_MISSING}). */
export function encodeCell(value: number): number {
  if (Number.isNaN(value)) return WASM_MISSING;
  const f = Math.fround(value);
  return f === WASM_MISSING ? JUST_ABOVE_MISSING : f;
}

/**
 * Columns to the row-major float32 block XGBoost reads, rows `rowIndex` (all rows when absent),
 * NaN as missing. Throws a CdfError (INVALID_VALUE) on an infinite cell, naming row and column.
 */
export function encodeRowMajor(features: NamedColumns, rowIndex?: Int32Array): Float32Array {
  const cols = features.columns.length;
  const rows = rowIndex ? rowIndex.length : features.rows;
  const out = new Float32Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    const column = features.columns[j]!;
    for (let r = 0; r < rows; r++) {
      const v = column[rowIndex ? rowIndex[r]! : r]!;
      if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
        throw new CdfError(CdfErrorCode.InvalidValue, 'infinite feature value', {
          row: (rowIndex ? rowIndex[r]! : r) + 1,
          column: features.names[j]!,
          value: String(v),
          expected: 'a finite number, or NaN for missing',
        });
      }
      out[r * cols + j] = encodeCell(v);
    }
  }
  return out;
}
