import { CdfError, CdfErrorCode, HOUR_MS, type PlannedEvent, type Series } from '@cdf/core';
import { CALENDAR_FEATURE_NAMES } from './calendar-features.ts';
import { computeFeatures } from './compute-features.ts';
import { assembleDesignRows } from './design-rows.ts';
import { type FeatureMatrix, featureColumn } from './feature-matrix.ts';
import { type FeatureOptions, resolveSpec } from './feature-options.ts';
import { type HorizonSpec, type OriginSpec, resolveHorizons, resolveOrigins } from './horizons.ts';
import { plannedEventFeatures } from './planned-event-features.ts';

/** Default cap on design-matrix rows: about 0.5 GB at 55 features. */
export const DEFAULT_MAX_ROWS = 1_000_000;

/** Options of {@link buildDirectMatrix}. */
export interface DirectMatrixOptions extends FeatureOptions {
  /** Horizons in steps: a list or a `{ max, stride }` grid. */
  horizons: HorizonSpec;
  /** Origins: `'all'` (default) or every `stride`-th point back from the latest. */
  origins?: OriginSpec;
  /** Planned events (past and future) for the `future_event_*` features. Default none. */
  plannedEvents?: readonly PlannedEvent[];
  /**
   * Refuse to build more rows than this (throws INVALID_CONFIG with the count), default
   * {@link DEFAULT_MAX_ROWS}: two years hourly x 168 horizons is 2.9M rows, so subsample
   * origins (`origins: { stride }`) or horizons (`horizons: { max, stride }`).
   */
  maxRows?: number;
}

/** The direct multi-horizon training set. */
export interface DirectMatrix {
  /**
   * One row per (origin t, horizon h) with `t + h` inside the series, origin-major, horizons
   * ascending: features known at `t`, then the `future_*` features of `t + h` and `horizon_hours`.
   * `matrix.origins[r]` is `t`.
   */
  matrix: FeatureMatrix;
  /** Horizon of each row, in steps. */
  horizon: Int32Array;
  /** The target value at `t + h`, as in the series (a filled value where `usable` is 0). */
  target: Float64Array;
  /**
   * The target over the observed value at `t` (`target / value`): a scale-free target for
   * growing series. NaN where the origin was filled or is 0. Trainers pick this or `target`.
   */
  targetRatio: Float64Array;
  /** Epoch ms of `t + h`. */
  targetTime: Float64Array;
  /** 1 where the target was observed (not filled) and can be learned from, else 0. */
  usable: Uint8Array;
}

/**
 * The direct multi-horizon design matrix (no recursion, no look-ahead): for each origin `t` and
 * horizon `h`, the features known at `t` (see {@link computeFeatures}; computed once per origin
 * and shared by every horizon), the calendar and planned-event features of `t + h`, `h` itself
 * in hours, and the target at `t + h`. Throws a CdfError for invalid input or too many rows.
 */
export function buildDirectMatrix(series: Series, options: DirectMatrixOptions): DirectMatrix {
  const horizons = resolveHorizons(options.horizons);
  const base = computeFeatures(series, options);
  const n = series.timestamps.length;
  const origins = resolveOrigins(n, options.origins ?? 'all', horizons[0]!);

  let rows = 0;
  for (const t of origins) for (const h of horizons) if (t + h < n) rows++;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (rows > maxRows) {
    throw new CdfError(
      CdfErrorCode.InvalidConfig,
      `the design matrix would have ${rows} rows, over maxRows ${maxRows}`,
      {
        column: 'maxRows',
        value: String(rows),
        expected:
          'fewer rows: subsample origins ({ stride }) or horizons ({ max, stride }), or raise maxRows',
      },
    );
  }

  const rowOrigins = new Int32Array(rows);
  const rowHorizons = new Int32Array(rows);
  let r = 0;
  for (const t of origins) {
    for (const h of horizons) {
      if (t + h >= n) break;
      rowOrigins[r] = t;
      rowHorizons[r] = h;
      r++;
    }
  }

  // Features of t + h, computed once per series point and gathered at t + h.
  const spec = resolveSpec(options.spec);
  const perPoint = [
    ...CALENDAR_FEATURE_NAMES.map((name) => featureColumn(base, name)),
    ...plannedEventFeatures(series.timestamps, options.plannedEvents ?? [], spec.distanceCap / HOUR_MS),
  ];
  const future = perPoint.map((column) => {
    const out = new Float64Array(rows);
    for (let k = 0; k < rows; k++) out[k] = column[rowOrigins[k]! + rowHorizons[k]!]!;
    return out;
  });

  const matrix = assembleDesignRows(series, base, rowOrigins, rowHorizons, future, base.notes ?? []);
  const observed = featureColumn(base, 'value');
  const target = new Float64Array(rows);
  const targetRatio = new Float64Array(rows);
  const targetTime = new Float64Array(rows);
  const usable = new Uint8Array(rows);
  for (let k = 0; k < rows; k++) {
    const at = rowOrigins[k]! + rowHorizons[k]!;
    const y = series.values[at]!;
    const now = observed[rowOrigins[k]!]!;
    target[k] = y;
    targetRatio[k] = now !== 0 ? y / now : Number.NaN;
    targetTime[k] = series.timestamps[at]!;
    usable[k] = series.filled[at] === 0 && Number.isFinite(y) ? 1 : 0;
  }
  return { matrix, horizon: rowHorizons, target, targetRatio, targetTime, usable };
}
