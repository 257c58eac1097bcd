import type { FeatureMatrix } from '@cdf/features';

/** The level every demand-valued feature is divided by. */
export const LEVEL_FEATURE = 'roll_mean_168h';
const LEVEL_VALUED = /^(value|lag_\d+h|roll_(mean|std|max|p95)_\d+h)$/;

/**
 * The design matrix with every demand-valued feature (`value`, `lag_*`, `roll_*`) divided by the
 * trailing weekly mean (`roll_mean_168h`, then dropped), renamed `<name>_rel`; other features as
 * they are. Trees cannot extrapolate, and demand grows: on a level-free scale a spike in year two
 * looks like one in year one. Without the level column the matrix is returned unchanged.
 */
export function scaleFreeFeatures(matrix: FeatureMatrix): FeatureMatrix {
  const levelIndex = matrix.names.indexOf(LEVEL_FEATURE);
  if (levelIndex < 0) return matrix;
  const level = matrix.columns[levelIndex]!;
  const names: string[] = [];
  const columns: Float64Array[] = [];
  matrix.names.forEach((name, j) => {
    if (j === levelIndex) return;
    const column = matrix.columns[j]!;
    if (!LEVEL_VALUED.test(name)) {
      names.push(name);
      columns.push(column);
      return;
    }
    const relative = new Float64Array(matrix.rows);
    for (let r = 0; r < matrix.rows; r++) {
      const l = level[r]!;
      relative[r] = l > 0 ? column[r]! / l : Number.NaN;
    }
    names.push(`${name}_rel`);
    columns.push(relative);
  });
  return { names, columns, rows: matrix.rows, origins: matrix.origins, notes: matrix.notes };
}

/** The rows `index` of `matrix`, copied. */
export function selectRows(matrix: FeatureMatrix, index: Int32Array): FeatureMatrix {
  const columns = matrix.columns.map((column) => {
    const out = new Float64Array(index.length);
    for (let k = 0; k < index.length; k++) out[k] = column[index[k]!]!;
    return out;
  });
  const origins = new Int32Array(index.length);
  for (let k = 0; k < index.length; k++) origins[k] = matrix.origins[index[k]!]!;
  return { names: matrix.names, columns, rows: index.length, origins, notes: matrix.notes };
}
