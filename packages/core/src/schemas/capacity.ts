import { z } from 'zod';
import { InstantSchema } from './timestamp.ts';

/**
 * One GPU model: its dense BF16 throughput and its price. Prices are editable; figures are
 * the vendor's dense (no sparsity) BF16 Tensor Core numbers.
 */
export const GpuProfileSchema = z.object({
  /** Short key: `a100`, `h100`, ... or a custom one. */
  id: z.string().min(1),
  /** Human name: "NVIDIA H100 SXM 80GB". */
  name: z.string().min(1),
  /** Dense BF16 TFLOPS per GPU. */
  tflops: z.number().finite().positive(),
  /** On-demand price per GPU-hour, in the cost model's currency. */
  price_per_hour: z.number().finite().nonnegative(),
  /** Memory per GPU in GB, for the report. */
  memory_gb: z.number().finite().positive().optional(),
  /** Where the figures come from. */
  source: z.string().optional(),
});
/** A parsed GPU profile. */
export type GpuProfile = z.infer<typeof GpuProfileSchema>;

/** One way of buying GPU-hours: its price, how long it takes to get, how sure it is. */
export const ProcurementOptionSchema = z.object({
  /** Price per GPU-hour. */
  price_per_hour: z.number().finite().nonnegative(),
  /** Days from order to usable capacity. */
  lead_time_days: z.number().finite().nonnegative(),
  /** Months one must commit for (reserved); 0 for none. */
  commitment_months: z.number().finite().nonnegative().default(0),
  /** Probability the capacity is there when wanted (spot < 1). */
  availability: z.number().min(0).max(1).default(1),
});
/** A parsed procurement option. */
export type ProcurementOption = z.infer<typeof ProcurementOptionSchema>;

/**
 * The money side and the thresholds of a capacity plan. Every number is a parameter; the
 * defaults are the seed system's.
 */
export const CostModelSchema = z.object({
  /** ISO 4217 currency code for every price. */
  currency: z.string().length(3).default('USD'),
  /** Hours in a month for monthly costs (365 x 24 / 12 = 730). */
  hours_per_month: z.number().positive().default(730),
  /** Headroom multiplier on the recommended demand: capacity = max(p95, expected) x buffer. */
  capacity_buffer: z.number().min(1).default(1.3),
  /** Utilization the baseline tier is sized for. */
  utilization_target: z.number().gt(0).max(1).default(0.7),
  /** Expected utilization above which a step is flagged. */
  utilization_warning: z.number().gt(0).max(1).default(0.85),
  /** Cost of one GPU-hour of unserved demand (lost revenue, SLA credits); drives the procurement mix. */
  shortfall_cost_per_gpu_hour: z.number().nonnegative().default(20),
  /** Optional procurement channels; on-demand defaults to the GPU profile's price. */
  reserved: ProcurementOptionSchema.optional(),
  on_demand: ProcurementOptionSchema.optional(),
  spot: ProcurementOptionSchema.optional(),
});
/** A parsed cost model with defaults filled in. */
export type CostModel = z.output<typeof CostModelSchema>;

/** How risky a step is for the plan: how close expected demand comes to recommended capacity. */
export const RiskLevelSchema = z.enum(['low', 'medium', 'high', 'critical']);
/** One of {@link RiskLevelSchema}'s values. */
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

const gpus = z.number().int().nonnegative();

/** One forecast step of a {@link RequirementFrame}: GPUs per tier and what they cost. */
export const RequirementRowSchema = z
  .object({
    series_id: z.string().optional(),
    timestamp: InstantSchema,
    /** GPUs for the smooth baseline at the utilization target. */
    baseline_gpus: gpus,
    /** GPUs for max(p95, expected) x buffer. */
    recommended_gpus: gpus,
    /** GPUs to be able to burst to: p99 x buffer. */
    burst_ready_gpus: gpus,
    /** The demand the recommended tier covers. */
    recommended_capacity: z.number().finite().nonnegative(),
    /** recommended_gpus x price per GPU-hour. */
    recommended_cost_per_hour: z.number().finite().nonnegative(),
    /** expected_value / (recommended_gpus x gpu_tflops). */
    expected_utilization: z.number().finite().nonnegative(),
    risk_level: RiskLevelSchema,
  })
  .refine((r) => r.burst_ready_gpus >= r.recommended_gpus && r.recommended_gpus >= r.baseline_gpus, {
    message: 'tiers must nest: burst_ready_gpus >= recommended_gpus >= baseline_gpus',
  });
/** A parsed requirement row. */
export type RequirementRow = z.output<typeof RequirementRowSchema>;
/** GPU requirements for every step of the horizon. */
export const RequirementFrameSchema = z.array(RequirementRowSchema);
/** A requirement frame: one {@link RequirementRow} per step. */
export type RequirementFrame = RequirementRow[];

/** A window in which to scale up ahead of demand (a predicted spike or a planned launch). */
export const PrewarmWindowSchema = z.object({
  start: InstantSchema,
  end: InstantSchema,
  /** GPUs to hold during the window. */
  gpus: gpus,
  /** Why: "planned launch: GPT-5", "spike probability 0.62". */
  reason: z.string(),
});
/** A parsed pre-warm window. */
export type PrewarmWindow = z.output<typeof PrewarmWindowSchema>;

/** An auto-scaling policy derived from the forecast. */
export const ScalingPolicySchema = z
  .object({
    min_gpus: gpus,
    max_gpus: gpus,
    /** Utilization the autoscaler aims at (0..1). */
    target_utilization: z.number().gt(0).max(1),
    /** Scale up when utilization stays above this. */
    scale_up_threshold: z.number().gt(0).max(1),
    /** Scale down when utilization stays below this. */
    scale_down_threshold: z.number().gt(0).max(1),
    scale_up_cooldown_seconds: z.number().int().nonnegative(),
    scale_down_cooldown_seconds: z.number().int().nonnegative(),
    /** Largest multiple of the current size one scale-up may reach. */
    max_scale_factor: z.number().min(1),
    /** Windows to pre-warm capacity ahead of predicted spikes and planned launches. */
    prewarm: z.array(PrewarmWindowSchema),
  })
  .refine((p) => p.min_gpus <= p.max_gpus, { message: 'need min_gpus <= max_gpus' })
  .refine((p) => p.scale_down_threshold < p.scale_up_threshold, {
    message: 'need scale_down_threshold < scale_up_threshold',
  });
/** A parsed scaling policy. */
export type ScalingPolicy = z.output<typeof ScalingPolicySchema>;
