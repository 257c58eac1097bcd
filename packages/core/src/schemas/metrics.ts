import { z } from 'zod';
import { InstantSchema } from './timestamp.ts';

/** The demand column cdf forecasts by default: compute in TFLOPS (a rate). */
export const DEFAULT_TARGET = 'compute_tflops';

/**
 * How a column combines when several rows fall into one step (resampling, duplicates).
 * `sum` for counts, `mean` for rates and levels, `max` for latency percentiles, `last` for states.
 */
export const AggregationSchema = z.enum(['sum', 'mean', 'max', 'min', 'last']);
/** One of {@link AggregationSchema}'s rules. */
export type Aggregation = z.infer<typeof AggregationSchema>;

/** The well-known metric columns, with their meaning and aggregation rule. */
export const METRIC_COLUMNS = {
  compute_tflops: { unit: 'TFLOPS', aggregation: 'mean', description: 'compute demand (a rate)' },
  request_count: { unit: 'requests', aggregation: 'sum', description: 'requests in the step' },
  avg_tokens_per_request: { unit: 'tokens', aggregation: 'mean', description: 'mean tokens per request' },
  p95_latency_ms: { unit: 'ms', aggregation: 'max', description: '95th percentile latency' },
  queue_depth: { unit: 'requests', aggregation: 'mean', description: 'requests waiting' },
} as const satisfies Record<string, { unit: string; aggregation: Aggregation; description: string }>;

const nonNegative = z.number().finite().nonnegative();

/**
 * One row of a metrics table as it appears in JSON: a timestamp, the well-known columns
 * (all optional but the target, which a loader checks by name), and any other numeric column.
 */
export const MetricsRowSchema = z
  .object({
    timestamp: InstantSchema,
    compute_tflops: nonNegative.optional(),
    request_count: nonNegative.optional(),
    avg_tokens_per_request: nonNegative.optional(),
    p95_latency_ms: nonNegative.optional(),
    queue_depth: nonNegative.optional(),
  })
  .catchall(z.number().finite());
/** One parsed metrics row; `timestamp` is epoch milliseconds. */
export type MetricsRow = z.infer<typeof MetricsRowSchema>;

/**
 * A metrics table in memory, columnar: one `Float64Array` per numeric column, all the length
 * of `timestamps` (epoch ms, UTC). Rows are in file order until a loader sorts them.
 */
export interface MetricsTable {
  /** Epoch milliseconds, one per row. */
  timestamps: Float64Array;
  /** Numeric columns by name. */
  columns: Record<string, Float64Array>;
  /** Series id per row for long tables (`--id-col`); absent for a single series. */
  ids?: string[];
  /** 1-based source row of each row, for error messages after sorting. */
  sourceRows?: Uint32Array;
  /** Where the table came from (a path), for messages. */
  source?: string;
}

/** Schema of {@link MetricsTable}: checks types and that every column has one value per row. */
export const MetricsTableSchema = z
  .object({
    timestamps: z.instanceof(Float64Array),
    columns: z.record(z.string(), z.instanceof(Float64Array)),
    ids: z.array(z.string()).optional(),
    sourceRows: z.instanceof(Uint32Array).optional(),
    source: z.string().optional(),
  })
  .superRefine((table, ctx) => {
    const n = table.timestamps.length;
    for (const [name, column] of Object.entries(table.columns)) {
      if (column.length !== n) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', name],
          message: `has ${column.length} values for ${n} rows`,
        });
      }
    }
    if (table.ids && table.ids.length !== n) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: `has ${table.ids.length} ids for ${n} rows` });
    }
  });
