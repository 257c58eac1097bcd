import type { FeatureMatrix } from '@cdf/features';

/** Offset of the log target as a share of the scale: keeps log finite where demand is 0. */
export const TARGET_OFFSET = 0.01;

const SCALE_FEATURES = ['roll_mean_168h', 'roll_mean_24h', 'value'] as const;
const LEVEL_VALUED = /^(value|lag_\d+h|roll_(mean|std|max|p95)_\d+h)$/;

/** A design matrix made scale-free, with the scale each row was divided by. */
export interface ScaledDesign {
  matrix: FeatureMatrix;
  /** Per row, the demand level at the origin (trailing weekly mean, else daily mean, else value); NaN if none. */
  scale: Float64Array;
}

/**
 * Divide every demand-valued feature (`value`, `lag_*`, `roll_*`) by the origin's level, the
 * trailing weekly mean (falling back to the daily mean, then the value itself where those are
 * missing). Trees cannot extrapolate and demand grows: on this scale the shape of a day in year
 * two looks like one in year one, and the target `log(y / level)` is learnable across the trend.
 */
export function scaleFreeDesign(matrix: FeatureMatrix): ScaledDesign {
  const scale = new Float64Array(matrix.rows).fill(Number.NaN);
  for (const name of SCALE_FEATURES) {
    const j = matrix.names.indexOf(name);
    if (j < 0) continue;
    const column = matrix.columns[j]!;
    for (let r = 0; r < matrix.rows; r++) {
      const v = column[r]!;
      if (!(scale[r]! > 0) && v > 0 && Number.isFinite(v)) scale[r] = v;
    }
  }
  const columns = matrix.columns.map((column, j) => {
    if (!LEVEL_VALUED.test(matrix.names[j]!)) return column;
    const out = new Float64Array(matrix.rows);
    for (let r = 0; r < matrix.rows; r++) out[r] = scale[r]! > 0 ? column[r]! / scale[r]! : Number.NaN;
    return out;
  });
  const names = matrix.names.map((name) => (LEVEL_VALUED.test(name) ? `${name}_rel` : name));
  return {
    matrix: { names, columns, rows: matrix.rows, origins: matrix.origins, notes: matrix.notes ?? [] },
    scale,
  };
}

/** The regression target of a row: `log((y + c s) / s)` with `c` = {@link TARGET_OFFSET}. */
export function levelTarget(y: number, scale: number): number {
  return Math.log((Math.max(0, y) + TARGET_OFFSET * scale) / scale);
}

/** Back from the log target to demand, clipped at 0. */
export function levelFromTarget(z: number, scale: number): number {
  return Math.max(0, scale * Math.exp(z) - TARGET_OFFSET * scale);
}
