import { CdfErrorCode, GpuProfileSchema, safeValidate } from '@cdf/core';
import { z } from 'zod';
import { DemandUnitSchema } from './demand-unit.ts';
import { HpaParamsSchema } from './hpa-manifest.ts';
import { PrewarmParamsSchema } from './prewarm-windows.ts';
import { RiskRuleSchema } from './risk-level.ts';
import { ScalingParamsSchema } from './scaling-policy.ts';

/** Every policy parameter of a plan; each group defaults when left out. */
export const PolicyParamsSchema = z.strictObject({
  /** The risk rule's thresholds. */
  risk: RiskRuleSchema.prefault({}),
  /** When to pre-warm. */
  prewarm: PrewarmParamsSchema.prefault({}),
  /** Auto-scaling thresholds, cooldowns and scale factor bounds. */
  scaling: ScalingParamsSchema.prefault({}),
  /** The Kubernetes HPA's target and metric. */
  hpa: HpaParamsSchema.prefault({}),
});
/** Policy parameters as written in a config (every field optional). */
export type PolicyParamsInput = z.input<typeof PolicyParamsSchema>;
/** Parsed policy parameters. */
export type PolicyParams = z.output<typeof PolicyParamsSchema>;

/**
 * The parameters of the capacity stage as a config file gives them
 * (`{"capacity": {"use": "@cdf/capacity#planner", "params": {...}}}`).
 */
export const CapacityParamsSchema = z.strictObject({
  /** A preset id (`a100`, `h100`, `h200`, `b200`), the id of a `custom_gpus` entry, or a whole profile. */
  gpu: z.union([z.string().min(1), GpuProfileSchema]).default('a100'),
  /** Edits to the chosen profile, e.g. `{"price_per_hour": 2.9}`. */
  gpu_overrides: GpuProfileSchema.partial().optional(),
  /** Custom GPU profiles that `gpu` may name. */
  custom_gpus: z.array(GpuProfileSchema).default([]),
  /**
   * The demand's unit and what one GPU serves of it, e.g. `{"unit": "requests/h", "per_gpu": 1800}`
   * for a request-count target. Default: demand in TFLOPS, a GPU serving its profile's `tflops`.
   */
  demand: DemandUnitSchema.prefault({}),
  /** Cost model fields (see `CostModelSchema`); left-out fields take the seed's defaults. */
  cost: z.record(z.string(), z.unknown()).default({}),
  policy: PolicyParamsSchema.prefault({}),
});
/** Capacity parameters as written in a config. */
export type CapacityParamsInput = z.input<typeof CapacityParamsSchema>;
/** Parsed capacity parameters. */
export type CapacityParams = z.output<typeof CapacityParamsSchema>;

/** Parse policy parameters; throws a CdfError INVALID_CONFIG naming the bad field. */
export function parsePolicyParams(input: unknown = {}): PolicyParams {
  const result = safeValidate(PolicyParamsSchema, input ?? {}, {
    what: 'capacity policy parameters',
    code: CdfErrorCode.InvalidConfig,
  });
  if (!result.success) throw result.error;
  return result.value;
}

/** Parse the capacity stage's parameters; throws a CdfError INVALID_CONFIG naming the bad field. */
export function parseCapacityParams(input: unknown = {}): CapacityParams {
  const result = safeValidate(CapacityParamsSchema, input ?? {}, {
    what: 'capacity parameters',
    code: CdfErrorCode.InvalidConfig,
  });
  if (!result.success) throw result.error;
  return result.value;
}
