import { CdfError, CdfErrorCode } from '@cdf/core';

/**
 * A columnar design matrix: one `Float64Array` per named feature, all row-aligned. Row `r` was
 * computed for the series point `origins[r]` (an index into the series). Missing values are NaN.
 */
export interface FeatureMatrix {
  /** Feature names, stable across runs and steps (see the package README for their definitions). */
  names: readonly string[];
  /** One column per name, each `rows` long. */
  columns: Float64Array[];
  /** Number of rows. */
  rows: number;
  /** For each row, the index of its origin point in the series. */
  origins: Int32Array;
  /** Why features were dropped or durations rounded at this step (the builders here always set it). */
  notes?: readonly string[];
}

/** The column named `name`; throws a CdfError (MISSING_COLUMN) when the matrix has no such feature. */
export function featureColumn(matrix: FeatureMatrix, name: string): Float64Array {
  const index = matrix.names.indexOf(name);
  const column = index >= 0 ? matrix.columns[index] : undefined;
  if (!column) {
    throw new CdfError(CdfErrorCode.MissingColumn, `feature "${name}" is not in the matrix`, {
      column: name,
      expected: `one of ${matrix.names.length} features, e.g. ${matrix.names.slice(0, 3).join(', ')}`,
    });
  }
  return column;
}

/**
 * A matrix with only the named features, in the order given. Columns are shared, not copied.
 * Throws a CdfError (MISSING_COLUMN) for an unknown name.
 */
export function selectFeatures(matrix: FeatureMatrix, names: readonly string[]): FeatureMatrix {
  return {
    names: [...names],
    columns: names.map((name) => featureColumn(matrix, name)),
    rows: matrix.rows,
    origins: matrix.origins,
    notes: matrix.notes ?? [],
  };
}

/**
 * The matrix without the named features, the others in their order; names it does not have are
 * ignored, and the matrix itself is returned when nothing is dropped. Columns are shared, not copied.
 */
export function withoutFeatures(matrix: FeatureMatrix, names: readonly string[]): FeatureMatrix {
  const dropped = new Set(names);
  const keep = matrix.names.flatMap((name, j) => (dropped.has(name) ? [] : [j]));
  if (keep.length === matrix.names.length) return matrix;
  return {
    ...matrix,
    names: keep.map((j) => matrix.names[j]!),
    columns: keep.map((j) => matrix.columns[j]!),
  };
}

/** One row of the matrix as a plain `{ name: value }` record, for inspection and debugging. */
export function featureRow(matrix: FeatureMatrix, row: number): Record<string, number> {
  if (!Number.isInteger(row) || row < 0 || row >= matrix.rows) {
    throw new CdfError(CdfErrorCode.InvalidValue, `row ${row} is outside the matrix`, {
      value: String(row),
      expected: `an integer in [0, ${matrix.rows - 1}]`,
    });
  }
  const out: Record<string, number> = {};
  matrix.names.forEach((name, j) => {
    out[name] = matrix.columns[j]![row]!;
  });
  return out;
}
