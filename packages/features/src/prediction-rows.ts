import { HOUR_MS, InsufficientHistoryError, type PlannedEvent, type Series } from '@cdf/core';
import { calendarFeatures } from './calendar-features.ts';
import { computeFeatures } from './compute-features.ts';
import { assembleDesignRows } from './design-rows.ts';
import type { FeatureMatrix } from './feature-matrix.ts';
import { calendarOptionsFor, type FeatureOptions, resolveSpec } from './feature-options.ts';
import { type HorizonSpec, resolveHorizons } from './horizons.ts';
import { plannedEventFeatures } from './planned-event-features.ts';

/** Options of {@link buildPredictionRows}. */
export interface PredictionRowsOptions extends FeatureOptions {
  /** Horizons in steps after the last point: a list or a `{ max, stride }` grid. */
  horizons: HorizonSpec;
  /** Planned events for the `future_event_*` features. Default none. */
  plannedEvents?: readonly PlannedEvent[];
}

/** Rows to predict the future from: a {@link FeatureMatrix} with the times it predicts. */
export interface PredictionRows extends FeatureMatrix {
  /** Horizon of each row, in steps. */
  horizon: Int32Array;
  /** Epoch ms of `t + h` for each row. */
  targetTime: Float64Array;
}

/**
 * The design rows of the last point of `series` as origin, one per horizon, with the same
 * columns as {@link buildDirectMatrix}'s matrix (built with the same options): the features known
 * at the last point and the calendar and planned-event features of each future time.
 */
export function buildPredictionRows(series: Series, options: PredictionRowsOptions): PredictionRows {
  const horizons = resolveHorizons(options.horizons);
  const base = computeFeatures(series, options);
  const spec = resolveSpec(options.spec);
  const n = series.timestamps.length;
  if (n === 0) throw new InsufficientHistoryError('prediction rows', 1, 0);
  const last = n - 1;
  const rows = horizons.length;
  const rowOrigins = new Int32Array(rows).fill(last);
  const targetTime = new Float64Array(rows);
  for (let k = 0; k < rows; k++) targetTime[k] = series.timestamps[last]! + horizons[k]! * series.stepMs;
  const calendar = calendarFeatures(targetTime, series.timeZone, calendarOptionsFor(spec, options));
  const events = plannedEventFeatures(targetTime, options.plannedEvents ?? [], spec.distanceCap / HOUR_MS);
  const matrix = assembleDesignRows(
    series,
    base,
    rowOrigins,
    horizons,
    [...calendar.columns, ...events],
    base.notes ?? [],
  );
  return { ...matrix, horizon: horizons, targetTime };
}
