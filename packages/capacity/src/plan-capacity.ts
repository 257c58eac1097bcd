import {
  CdfError,
  CdfErrorCode,
  type CostModel,
  type GpuProfile,
  type PlannedEvent,
  type PlannedEventInput,
  PlannedEventSchema,
  type RequirementFrame,
  type ScalingPolicy,
  ScalingPolicySchema,
  type ScenarioFrame,
  ScenarioFrameSchema,
  validate,
} from '@cdf/core';
import { z } from 'zod';
import { analyseCosts, type CostAnalysis } from './cost-analysis.ts';
import { type CostModelInput, procurementChannels, resolveCostModel } from './cost-model.ts';
import { type DemandUnit, type DemandUnitInput, resolveDemandUnit } from './demand-unit.ts';
import type { HorizonFacts } from './fact-source.ts';
import { DEFAULT_GPU_ID, resolveGpuProfile } from './gpu-presets.ts';
import { describeHorizon } from './horizon.ts';
import { renderHpaManifest } from './hpa-manifest.ts';
import { type PolicyParams, type PolicyParamsInput, parsePolicyParams } from './plan-options.ts';
import { findPrewarmWindows, predictedSpikeRuns } from './prewarm-windows.ts';
import { type ProcurementMix, planProcurement } from './procurement-mix.ts';
import { buildRecommendations, type RecommendationsReport } from './recommendations.ts';
import { computeRequirements } from './requirements.ts';
import { deriveScalingPolicy } from './scaling-policy.ts';
import { summariseTiers, type Tiers, tierGpuColumns } from './tiers.ts';

/** Options of {@link planCapacity}. */
export interface PlanCapacityOptions {
  /** A preset id (`a100` default, `h100`, `h200`, `b200`), a `customGpus` id, or a whole profile. */
  gpu?: GpuProfile | string;
  /** Edits to the chosen profile, e.g. `{ price_per_hour: 2.9 }`. */
  gpuOverrides?: Partial<GpuProfile>;
  /** Custom profiles `gpu` may name (from a config file). */
  customGpus?: readonly GpuProfile[];
  /** Cost model fields; the rest take the seed's defaults (buffer 1.3, target 0.7, warning 0.85, ...). */
  cost?: Partial<CostModelInput>;
  /** Risk, pre-warm, scaling and HPA parameters (see `PolicyParamsSchema`). */
  policy?: PolicyParamsInput;
  /** Launches to pre-warm for; parsed with `PlannedEventSchema`. */
  plannedEvents?: readonly (PlannedEvent | PlannedEventInput)[];
  /** The demand's unit and what one GPU serves of it (see `DemandUnitSchema`). Default: TFLOPS. */
  demand?: DemandUnitInput;
}

/** Everything the capacity stage produces for one scenario frame. */
export interface CapacityPlan {
  /** The GPU profile and cost model used (defaults filled in). */
  readonly gpu: GpuProfile;
  /** The demand's unit and what one GPU serves of it: every GPU count divides by `per_gpu`. */
  readonly demand: DemandUnit;
  readonly cost: CostModel;
  readonly horizon: HorizonFacts;
  /** The policy parameters used, defaults filled in. */
  readonly policy: PolicyParams;
  /** One row per scenario row: GPUs per tier, cost, utilization and risk. */
  readonly requirements: RequirementFrame;
  /** Baseline, expected, conservative (P95) and emergency (P99) tiers over the horizon. */
  readonly tiers: Tiers;
  readonly costAnalysis: CostAnalysis;
  /** Reserved / on-demand / spot mix minimising expected capacity plus shortfall cost. */
  readonly procurement: ProcurementMix;
  readonly scalingPolicy: ScalingPolicy;
  /** A Kubernetes autoscaling/v2 HorizontalPodAutoscaler (YAML). */
  readonly hpaManifest: string;
  /** The strategic report as data; render with `renderRecommendationsMarkdown`. */
  readonly recommendations: RecommendationsReport;
}

/**
 * Turn a scenario frame (demand in TFLOPS, or in `options.demand.unit`) into a capacity plan: GPUs per forecast step and
 * tier, costs, expected shortfall and idle GPU-hours, a procurement mix, an auto-scaling policy
 * with its HPA manifest, and recommendations. Deterministic: the same input gives the same plan.
 * Throws a CdfError: SCHEMA_MISMATCH / EMPTY_INPUT for a bad frame, INVALID_CONFIG for bad options.
 */
export function planCapacity(scenarios: ScenarioFrame, options: PlanCapacityOptions = {}): CapacityPlan {
  const frame = validate(ScenarioFrameSchema, scenarios, { what: 'scenario frame' });
  if (frame.length === 0) throw new CdfError(CdfErrorCode.EmptyInput, 'the scenario frame has no rows');
  const gpu = resolveGpuProfile(options.gpu ?? DEFAULT_GPU_ID, options.gpuOverrides, options.customGpus);
  const demand = resolveDemandUnit(options.demand, gpu);
  // every sizing step reads a GPU's throughput from `tflops`: give it the demand unit's
  const sizing: GpuProfile = { ...gpu, tflops: demand.per_gpu };
  const cost = resolveCostModel(options.cost);
  const policy = parsePolicyParams(options.policy);
  const events = validate(z.array(PlannedEventSchema), options.plannedEvents ?? [], {
    what: 'planned events',
    code: CdfErrorCode.InvalidConfig,
  });

  const horizon = describeHorizon(frame);
  const requirements = computeRequirements(frame, sizing, cost, policy.risk);
  const columns = tierGpuColumns(frame, sizing, cost);
  const tiers = summariseTiers(frame, columns, horizon, sizing, cost);
  const costAnalysis = analyseCosts(frame, requirements, columns, tiers, horizon, sizing, cost);
  const procurement = planProcurement(
    frame,
    horizon,
    sizing,
    procurementChannels(cost, sizing),
    cost,
    costAnalysis.tiers.conservative.expected_total_cost,
  );
  const runs = predictedSpikeRuns(frame, horizon, policy.prewarm.spike_probability_threshold);
  const prewarm = findPrewarmWindows(frame, requirements, horizon, sizing, cost, events, policy.prewarm);
  const derived = deriveScalingPolicy(
    frame,
    requirements,
    horizon,
    sizing,
    cost,
    runs,
    prewarm,
    policy.scaling,
  );
  const scalingPolicy = validate(ScalingPolicySchema, derived, {
    what: 'scaling policy (check the scaling thresholds)',
    code: CdfErrorCode.InvalidConfig,
  });
  const hpaManifest = renderHpaManifest(scalingPolicy, sizing, policy.hpa);
  const horizonFacts: HorizonFacts = {
    start: horizon.start,
    end: horizon.end,
    hours: horizon.hours,
    step_hours: horizon.stepHours,
    rows: frame.length,
    series: horizon.seriesIds.length,
  };
  const frames = {
    gpu,
    demand,
    cost,
    horizon: horizonFacts,
    policy,
    requirements,
    tiers,
    costAnalysis,
    procurement,
    scalingPolicy,
  };
  return { ...frames, hpaManifest, recommendations: buildRecommendations(frames) };
}
