import type { FeatureMatrix } from '@cdf/features';

/**
 * `matrix` with every column whose name `capped` accepts capped at `cap` (other columns shared,
 * not copied); `matrix` itself when no column is capped.
 */
export function capColumns(
  matrix: FeatureMatrix,
  capped: (name: string) => boolean,
  cap: number,
): FeatureMatrix {
  if (!matrix.names.some(capped)) return matrix;
  const columns = matrix.columns.map((column, j) =>
    capped(matrix.names[j]!) ? column.map((value) => Math.min(value, cap)) : column,
  );
  return { ...matrix, columns };
}
