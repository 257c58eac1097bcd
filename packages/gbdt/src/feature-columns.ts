import { CdfError, CdfErrorCode } from '@cdf/core';

/**
 * Features as columns: plain `Float64Array`s (named `f0`, `f1`, ...) or anything shaped like a
 * `FeatureMatrix` of `@cdf/features` (`{ names, columns, rows }`). NaN marks a missing value.
 */
export type FeatureColumns =
  | readonly Float64Array[]
  | { readonly names: readonly string[]; readonly columns: readonly Float64Array[]; readonly rows: number };

/** Named, checked columns: every column `rows` long. */
export interface NamedColumns {
  names: readonly string[];
  columns: readonly Float64Array[];
  rows: number;
}

/**
 * Name and check `features`: at least one column, all of one length (`rows` if given), names
 * unique. Throws a CdfError (INVALID_VALUE) naming the column at fault.
 */
export function namedColumns(features: FeatureColumns): NamedColumns {
  const isMatrix = !Array.isArray(features);
  const columns = isMatrix
    ? (features as { columns: readonly Float64Array[] }).columns
    : (features as readonly Float64Array[]);
  const names = isMatrix ? (features as { names: readonly string[] }).names : columns.map((_, j) => `f${j}`);
  if (columns.length === 0) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'no feature columns given', {
      column: 'features',
      expected: 'at least one Float64Array column',
    });
  }
  if (names.length !== columns.length) {
    throw new CdfError(
      CdfErrorCode.InvalidValue,
      `${names.length} names for ${columns.length} feature columns`,
      {
        column: 'features.names',
        expected: 'one name per column',
      },
    );
  }
  if (new Set(names).size !== names.length) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'feature names are not unique', {
      column: 'features.names',
      value: names.join(','),
      expected: 'unique names',
    });
  }
  const rows = isMatrix ? (features as { rows: number }).rows : columns[0]!.length;
  columns.forEach((column, j) => {
    if (!(column instanceof Float64Array) || column.length !== rows) {
      throw new CdfError(CdfErrorCode.InvalidValue, `feature column has the wrong length or type`, {
        column: names[j]!,
        value: column instanceof Float64Array ? String(column.length) : typeof column,
        expected: `a Float64Array of ${rows} values`,
      });
    }
  });
  return { names, columns, rows };
}
