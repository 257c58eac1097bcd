import type { Series } from '@cdf/core';
import { CALENDAR_FEATURE_NAMES } from './calendar-features.ts';
import type { FeatureMatrix } from './feature-matrix.ts';
import { PLANNED_EVENT_FEATURE_NAMES } from './planned-event-features.ts';

/** Prefix of the features that describe the target time `t + h` rather than the origin `t`. */
export const FUTURE_PREFIX = 'future_';

/**
 * Names of the features of `t + h` in a design matrix, in column order: the calendar features
 * and the planned-event features of `t + h` (prefixed `future_`), then `horizon_hours` (`h`).
 * They use only the clock and the planned events, never the series' values.
 */
export const FUTURE_FEATURE_NAMES: readonly string[] = Object.freeze([
  ...CALENDAR_FEATURE_NAMES.map((name) => FUTURE_PREFIX + name),
  ...PLANNED_EVENT_FEATURE_NAMES.map((name) => FUTURE_PREFIX + name),
  'horizon_hours',
]);

/**
 * The month of the year in a design matrix: `month_sin` and `month_cos` of the origin and of the
 * target time. With one or two years of history a tree can learn from them only on which dates
 * last year's events fell; the spike models and the quantile stage's level regressor leave them out.
 */
export const SEASON_OF_YEAR_FEATURE_NAMES: readonly string[] = Object.freeze(
  ['month_sin', 'month_cos'].flatMap((name) => [name, FUTURE_PREFIX + name]),
);

/**
 * Design rows: per-origin features gathered from `base` (computed once per origin, shared by
 * all of its horizons), followed by the row-aligned `future` columns (calendar and planned
 * events of `t + h`, in {@link FUTURE_FEATURE_NAMES} order minus `horizon_hours`) and `h` in hours.
 */
export function assembleDesignRows(
  series: Series,
  base: FeatureMatrix,
  rowOrigins: Int32Array,
  rowHorizons: Int32Array,
  future: readonly Float64Array[],
  notes: readonly string[],
): FeatureMatrix {
  const rows = rowOrigins.length;
  const columns: Float64Array[] = base.columns.map((column) => {
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) out[r] = column[rowOrigins[r]!]!;
    return out;
  });
  columns.push(...future);
  const horizonHours = new Float64Array(rows);
  const stepHours = series.stepMs / 3_600_000;
  for (let r = 0; r < rows; r++) horizonHours[r] = rowHorizons[r]! * stepHours;
  columns.push(horizonHours);
  return {
    names: [...base.names, ...FUTURE_FEATURE_NAMES],
    columns,
    rows,
    origins: rowOrigins,
    notes,
  };
}
