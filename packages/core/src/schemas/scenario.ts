import { z } from 'zod';
import { InstantSchema } from './timestamp.ts';

/** The quantile levels every scenario frame carries. */
export const QUANTILE_LEVELS = [0.5, 0.75, 0.9, 0.95, 0.99] as const;
/** The scenario frame's quantile column names, in order. */
export const QUANTILE_COLUMNS = ['p50', 'p75', 'p90', 'p95', 'p99'] as const;
/** A quantile column name. */
export type QuantileColumn = (typeof QUANTILE_COLUMNS)[number];

/**
 * The named scenarios the capacity stage plans for, and the column each reads:
 * baseline (smooth demand), expected (with predicted spikes), conservative (P95), emergency (P99).
 */
export const SCENARIOS = {
  baseline: 'baseline',
  expected: 'expected_value',
  conservative: 'p95',
  emergency: 'p99',
} as const;
/** A scenario name. */
export type ScenarioName = keyof typeof SCENARIOS;

const demand = z.number().finite().nonnegative();

/** One forecast hour (or step) of a {@link ScenarioFrame}. Demand is in the target's unit (TFLOPS). */
export const ScenarioRowSchema = z
  .object({
    series_id: z.string().optional(),
    timestamp: InstantSchema,
    /** Smooth demand without spikes. */
    baseline: demand,
    /** Blended point forecast plus the predicted spike contribution (probability x magnitude). */
    expected_value: demand,
    /** Probability that this step is part of a spike beyond its planned events, 0..1 (a planned launch is in `baseline`). */
    spike_probability: z.number().min(0).max(1),
    p50: demand,
    p75: demand,
    p90: demand,
    p95: demand,
    p99: demand,
    /** Capacity to provision (filled by the capacity rule; may be absent before it runs). */
    recommended_capacity: demand.optional(),
  })
  .refine((r) => r.p50 <= r.p75 && r.p75 <= r.p90 && r.p90 <= r.p95 && r.p95 <= r.p99, {
    message: 'quantiles must not cross: need p50 <= p75 <= p90 <= p95 <= p99',
  });
/** A parsed scenario row; `timestamp` is epoch milliseconds. */
export type ScenarioRow = z.output<typeof ScenarioRowSchema>;

/** The forecast for every step of the horizon, in time order. */
export const ScenarioFrameSchema = z.array(ScenarioRowSchema).superRefine((rows, ctx) => {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if ((a.series_id ?? '') === (b.series_id ?? '') && b.timestamp <= a.timestamp) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'timestamp'],
        message: 'rows must be in increasing time order',
      });
      return;
    }
  }
});
/** A scenario frame: one {@link ScenarioRow} per step. */
export type ScenarioFrame = ScenarioRow[];
