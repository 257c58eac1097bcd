import { PlannedEventSchema, type Series } from '@cdf/core';
import { z } from 'zod';

/**
 * The training history a fitted baseline keeps in its saved state, so `load` can rebuild the
 * model exactly and `update` can extend it. Skipped points (filled or masked) are listed by
 * index; only the columns the model uses are kept.
 */
export const StoredHistorySchema = z.object({
  id: z.string(),
  target: z.string(),
  timeZone: z.string(),
  stepMs: z.number().int().positive(),
  start: z.number(),
  values: z.array(z.number()),
  skipped: z.array(z.number().int().nonnegative()),
  columns: z.record(z.string(), z.array(z.number())),
  events: z.array(PlannedEventSchema),
});
/** A stored history (JSON-safe). */
export type StoredHistory = z.infer<typeof StoredHistorySchema>;

/** Freeze a series, its skip mask and its planned events into JSON-safe state. */
export function storeHistory(
  series: Series,
  skip: Uint8Array,
  keepColumns: readonly string[],
  events: StoredHistory['events'],
): StoredHistory {
  const skipped: number[] = [];
  for (let i = 0; i < skip.length; i++) if (skip[i] === 1) skipped.push(i);
  const columns: Record<string, number[]> = {};
  for (const name of keepColumns) columns[name] = Array.from(series.columns[name]!);
  return {
    id: series.id,
    target: series.target,
    timeZone: series.timeZone,
    stepMs: series.stepMs,
    start: series.timestamps[0]!,
    values: Array.from(series.values),
    skipped,
    columns,
    events: events.map((e) => ({ ...e })),
  };
}

/** The series and skip mask a stored history describes (skipped points come back as `filled`). */
export function restoreHistory(stored: StoredHistory): { series: Series; skip: Uint8Array } {
  const n = stored.values.length;
  const timestamps = new Float64Array(n);
  for (let i = 0; i < n; i++) timestamps[i] = stored.start + i * stored.stepMs;
  const values = Float64Array.from(stored.values);
  const skip = new Uint8Array(n);
  for (const i of stored.skipped) if (i < n) skip[i] = 1;
  const columns: Record<string, Float64Array> = { [stored.target]: values };
  for (const [name, column] of Object.entries(stored.columns)) columns[name] = Float64Array.from(column);
  return {
    series: {
      id: stored.id,
      target: stored.target,
      stepMs: stored.stepMs,
      timestamps,
      values,
      filled: Uint8Array.from(skip),
      columns,
      timeZone: stored.timeZone,
    },
    skip,
  };
}
