import { HOUR_MS } from '@cdf/core';

/** The time span a plan covers. */
export interface Horizon {
  /** First step (epoch ms). */
  readonly start: number;
  /** End of the last step (epoch ms, exclusive): last timestamp + step. */
  readonly end: number;
  /** The step between forecast rows (ms); one hour when there is a single row. */
  readonly stepMs: number;
  /** The step in hours: every GPU-hour figure is GPUs x stepHours per row. */
  readonly stepHours: number;
  /** Distinct timestamps, ascending. */
  readonly timestamps: readonly number[];
  /** Distinct series ids in first-seen order (`''` for rows without one). */
  readonly seriesIds: readonly string[];
  /** Hours covered: distinct timestamps x stepHours. */
  readonly hours: number;
}

/**
 * Describe the horizon of a frame. The step is the smallest gap between consecutive rows of one
 * series, so a frame with a gap is still costed per step, not per gap.
 */
export function describeHorizon(
  rows: readonly { timestamp: number; series_id?: string | undefined }[],
): Horizon {
  const seriesIds: string[] = [];
  const seen = new Set<string>();
  const last = new Map<string, number>();
  let stepMs = Number.POSITIVE_INFINITY;
  const stamps = new Set<number>();
  for (const row of rows) {
    const id = row.series_id ?? '';
    if (!seen.has(id)) {
      seen.add(id);
      seriesIds.push(id);
    }
    const prev = last.get(id);
    if (prev !== undefined && row.timestamp > prev) stepMs = Math.min(stepMs, row.timestamp - prev);
    last.set(id, row.timestamp);
    stamps.add(row.timestamp);
  }
  if (!Number.isFinite(stepMs)) stepMs = HOUR_MS;
  const timestamps = [...stamps].sort((a, b) => a - b);
  const start = timestamps[0] ?? 0;
  const end = (timestamps[timestamps.length - 1] ?? 0) + stepMs;
  const stepHours = stepMs / HOUR_MS;
  return { start, end, stepMs, stepHours, timestamps, seriesIds, hours: timestamps.length * stepHours };
}

/**
 * Sum a per-row value over the series at each timestamp (a fleet needs the GPUs of all its series
 * at once), returned in the order of `horizon.timestamps`.
 */
export function totalsByTimestamp(
  horizon: Horizon,
  rows: readonly { timestamp: number }[],
  value: (index: number) => number,
): number[] {
  const index = new Map<number, number>();
  horizon.timestamps.forEach((t, i) => {
    index.set(t, i);
  });
  const totals = new Array<number>(horizon.timestamps.length).fill(0);
  rows.forEach((row, i) => {
    const k = index.get(row.timestamp);
    if (k !== undefined) totals[k] = (totals[k] ?? 0) + value(i);
  });
  return totals;
}
