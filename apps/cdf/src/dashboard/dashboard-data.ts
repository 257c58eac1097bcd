import {
  InstantSchema,
  PlannedEventSchema,
  RequirementFrameSchema,
  ScenarioFrameSchema,
  SpikeEventSchema,
  SpikeTypeSchema,
  validate,
} from '@cdf/core';
import { z } from 'zod';

const finite = z.number().finite();
const nonNegative = finite.nonnegative();

/** What the dashboard is about: the run, the series, the GPU and the thresholds it draws. */
export const DashboardRunSchema = z
  .object({
    /** Page title: "Compute demand: chat-prod". */
    title: z.string().min(1),
    /** The series the run forecast. */
    series_id: z.string().min(1),
    /** When the run was made (epoch ms after parsing; shown as ISO 8601 with `Z`). */
    generated_at: InstantSchema,
    /** The forecast column and its unit: `compute_tflops`, `TFLOPS`. */
    target: z.object({ name: z.string().min(1), unit: z.string().min(1) }),
    /** The GPU the plan is sized for. */
    gpu: z.object({
      name: z.string().min(1),
      tflops: finite.positive(),
      price_per_hour: nonNegative,
    }),
    /** ISO 4217 code of every price. */
    currency: z.string().length(3).default('USD'),
    /** Hours in a month for monthly costs. */
    hours_per_month: finite.positive().default(730),
    /** Utilization the plan aims at: the target line of the utilization panel. */
    utilization_target: z.number().gt(0).max(1).default(0.7),
    /** Utilization above which a step is flagged: the warning line. */
    utilization_warning: z.number().gt(0).max(1).default(0.85),
  })
  .refine((r) => r.utilization_target < r.utilization_warning, {
    message: 'need utilization_target < utilization_warning',
  });

/**
 * The observed history, columnar: one entry per step in every array. `expected` is the smooth
 * value the detector compared with; `spike_type` is null outside anomalies.
 */
export const DashboardHistorySchema = z
  .object({
    timestamps: z.array(InstantSchema),
    values: z.array(nonNegative),
    expected: z.array(nonNegative),
    is_anomaly: z.array(z.boolean()),
    spike_type: z.array(SpikeTypeSchema.nullable()),
  })
  .superRefine((h, ctx) => {
    const n = h.timestamps.length;
    for (const key of ['values', 'expected', 'is_anomaly', 'spike_type'] as const) {
      if (h[key].length !== n) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `has ${h[key].length} entries for ${n} timestamps`,
        });
      }
    }
    for (let i = 1; i < n; i++) {
      if (h.timestamps[i]! <= h.timestamps[i - 1]!) {
        ctx.addIssue({ code: 'custom', path: ['timestamps', i], message: 'timestamps must increase' });
        return;
      }
    }
  });

/** One capacity tier over the horizon (see `@cdf/capacity`'s `TierSummary`). */
export const DashboardTierSchema = z.object({
  /** `baseline`, `expected`, `conservative`, `emergency`, or a team's own name. */
  name: z.string().min(1),
  average_gpus: nonNegative,
  peak_gpus: nonNegative,
  /** Mean cost per hour of following the tier. */
  average_cost_per_hour: nonNegative,
  monthly_cost: nonNegative,
  /** monthly_cost minus the baseline tier's. */
  premium_over_baseline_monthly: finite,
  /** The premium in percent of the baseline tier's monthly cost; null when the baseline costs nothing. */
  premium_over_baseline_pct: finite.nullable(),
  /** True for the tier the plan recommends (one at most). */
  recommended: z.boolean().default(false),
});

/** Additive decomposition of the history, one value per history step in each component. */
export const DashboardDecompositionSchema = z.object({
  trend: z.array(finite),
  daily: z.array(finite),
  weekly: z.array(finite),
});

/**
 * Everything `renderDashboard` draws. Times are epoch milliseconds (ISO 8601 text with a zone
 * is accepted and parsed); they are shown as ISO 8601 with `Z`.
 */
export const DashboardDataSchema = z
  .object({
    run: DashboardRunSchema,
    history: DashboardHistorySchema,
    /** Spikes found in the history (or ground truth), in time order. */
    spike_events: z.array(SpikeEventSchema).default([]),
    /** The forecast: one row per step of the horizon, one series. */
    scenarios: ScenarioFrameSchema.refine((rows) => rows.length > 0, { message: 'needs at least one row' }),
    /** Launches and other known events; the ones in the horizon are marked on the forecast. */
    planned_events: z.array(PlannedEventSchema).default([]),
    /** GPUs per tier for every scenario row, same timestamps. */
    requirements: RequirementFrameSchema,
    tiers: z.array(DashboardTierSchema).default([]),
    decomposition: DashboardDecompositionSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.requirements.length !== d.scenarios.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['requirements'],
        message: `has ${d.requirements.length} rows for ${d.scenarios.length} scenario rows`,
      });
    } else {
      const i = d.requirements.findIndex((r, k) => r.timestamp !== d.scenarios[k]!.timestamp);
      if (i >= 0)
        ctx.addIssue({
          code: 'custom',
          path: ['requirements', i, 'timestamp'],
          message: 'differs from the scenario row',
        });
    }
    const ids = new Set(d.scenarios.map((r) => r.series_id ?? ''));
    if (ids.size > 1)
      ctx.addIssue({ code: 'custom', path: ['scenarios'], message: 'the dashboard shows one series' });
    if (d.tiers.filter((t) => t.recommended).length > 1) {
      ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'at most one tier can be recommended' });
    }
    if (d.decomposition) {
      const n = d.history.timestamps.length;
      for (const key of ['trend', 'daily', 'weekly'] as const) {
        if (d.decomposition[key].length !== n) {
          ctx.addIssue({
            code: 'custom',
            path: ['decomposition', key],
            message: `has ${d.decomposition[key].length} values for ${n} history steps`,
          });
        }
      }
    }
  });

/** Parsed dashboard input: epoch ms everywhere, defaults filled in. */
export type DashboardData = z.output<typeof DashboardDataSchema>;
/** Dashboard input as written (ISO text allowed for times, defaults optional). */
export type DashboardDataInput = z.input<typeof DashboardDataSchema>;
/** One tier as the dashboard shows it. */
export type DashboardTier = z.output<typeof DashboardTierSchema>;
/** The history columns. */
export type DashboardHistory = z.output<typeof DashboardHistorySchema>;
/** The run metadata. */
export type DashboardRun = z.output<typeof DashboardRunSchema>;

/**
 * Check dashboard input at the boundary. Throws a `SchemaError` (code SCHEMA_MISMATCH) whose
 * one line names the first bad field, e.g. `history.values.3: Too small`.
 */
export function parseDashboardData(input: unknown, file?: string): DashboardData {
  return validate(DashboardDataSchema, input, { what: 'dashboard data', ...(file ? { file } : {}) });
}
