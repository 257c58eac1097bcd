import { z } from 'zod';

/**
 * A regular time series, the input of every model: one value per fixed step, UTC, sorted,
 * no duplicates, gaps filled and flagged in `filled` so models never learn from them.
 */
export interface Series {
  /** Series id (from `--id-col`), or `"default"` for a single series. */
  id: string;
  /** Name of the demand column in `columns`. */
  target: string;
  /** The fixed step in milliseconds. */
  stepMs: number;
  /** Epoch ms; `timestamps[i] = timestamps[0] + i * stepMs`. */
  timestamps: Float64Array;
  /** The target column (the same array as `columns[target]`). */
  values: Float64Array;
  /** 1 where the point was not observed and was filled (interpolated), else 0. */
  filled: Uint8Array;
  /** Every numeric column, aligned with `timestamps`, target included. */
  columns: Record<string, Float64Array>;
  /** IANA time zone for calendar features (business hours, weekends). Default `UTC`. */
  timeZone: string;
}

/** Schema of {@link Series}: alignment, a regular step and finite non-negative target values. */
export const SeriesSchema = z
  .object({
    id: z.string().min(1),
    target: z.string().min(1),
    stepMs: z.number().int().positive(),
    timestamps: z.instanceof(Float64Array),
    values: z.instanceof(Float64Array),
    filled: z.instanceof(Uint8Array),
    columns: z.record(z.string(), z.instanceof(Float64Array)),
    timeZone: z.string().min(1),
  })
  .superRefine((s, ctx) => {
    const n = s.timestamps.length;
    if (s.values.length !== n || s.filled.length !== n) {
      ctx.addIssue({
        code: 'custom',
        message: `values (${s.values.length}) and filled (${s.filled.length}) must have ${n} points`,
      });
      return;
    }
    if (s.columns[s.target] !== s.values) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns', s.target],
        message: 'the target column must be `values`',
      });
    }
    for (const [name, column] of Object.entries(s.columns)) {
      if (column.length !== n)
        ctx.addIssue({
          code: 'custom',
          path: ['columns', name],
          message: `has ${column.length} values for ${n} points`,
        });
    }
    for (let i = 1; i < n; i++) {
      if (s.timestamps[i]! - s.timestamps[i - 1]! !== s.stepMs) {
        ctx.addIssue({
          code: 'custom',
          path: ['timestamps', i],
          message: `not one step (${s.stepMs} ms) after the previous point`,
        });
        return;
      }
    }
    for (let i = 0; i < n; i++) {
      const v = s.values[i]!;
      if (!Number.isFinite(v) || v < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['values', i],
          message: `target must be finite and >= 0, got ${v}`,
        });
        return;
      }
    }
  });
