/**
 * `@cdf/capacity`: from demand scenarios (TFLOPS) to GPUs, cost, tiers, a procurement mix, an
 * auto-scaling policy with its Kubernetes HPA manifest, and recommendations.
 */
export {
  CAPACITY_PLANNER_NAME,
  type CapacityInput,
  type CapacityPlanner,
  capacityPlugin,
  createCapacityPlanner,
  type FittedCapacityPlan,
} from './capacity-planner.ts';
export { analyseCosts, type CostAnalysis, type TierOutcome } from './cost-analysis.ts';
export {
  type CostModelInput,
  DEFAULT_PROCUREMENT,
  type ProcurementChannels,
  procurementChannels,
  resolveCostModel,
} from './cost-model.ts';
export {
  type DemandDistribution,
  type DemandSegment,
  demandDistribution,
  exceedanceProbability,
  expectedIdle,
  expectedShortfall,
  meanDemand,
  type QuantileRow,
} from './demand-distribution.ts';
export {
  DEFAULT_DEMAND_UNIT,
  type DemandUnit,
  type DemandUnitInput,
  DemandUnitSchema,
  resolveDemandUnit,
} from './demand-unit.ts';
export { type FactUnit, formatFact } from './fact-format.ts';
export {
  type FactAggregate,
  type FactFrame,
  type FactSource,
  type FactValue,
  type HorizonFacts,
  type PlanFrames,
  resolveFact,
} from './fact-source.ts';
export { baselineGpusFor, gpusFor } from './gpu-count.ts';
export {
  DEFAULT_GPU_ID,
  GPU_PRESETS,
  type GpuPresetId,
  isGpuPresetId,
  resolveGpuProfile,
} from './gpu-presets.ts';
export { describeHorizon, type Horizon, totalsByTimestamp } from './horizon.ts';
export { type HpaParams, HpaParamsSchema, renderHpaManifest } from './hpa-manifest.ts';
export { type CapacityPlan, type PlanCapacityOptions, planCapacity } from './plan-capacity.ts';
export {
  type CapacityParams,
  type CapacityParamsInput,
  CapacityParamsSchema,
  type PolicyParams,
  type PolicyParamsInput,
  PolicyParamsSchema,
  parseCapacityParams,
  parsePolicyParams,
} from './plan-options.ts';
export {
  findPrewarmWindows,
  type PrewarmParams,
  PrewarmParamsSchema,
  predictedSpikeRuns,
  type SpikeRun,
} from './prewarm-windows.ts';
export {
  bandChance,
  type ChannelCosts,
  type PlannedChannel,
  type ProcurementMix,
  type ProcurementStep,
  planProcurement,
} from './procurement-mix.ts';
export {
  buildRecommendations,
  type Fact,
  type RecommendationItem,
  type RecommendationSection,
  type RecommendationsReport,
  type TierTableRow,
} from './recommendations.ts';
export { describeSource, renderRecommendationsMarkdown } from './recommendations-markdown.ts';
export { computeRequirements, recommendedCapacity, requirementRow, tierGpus } from './requirements.ts';
export { classifyRisk, type RiskRule, RiskRuleSchema } from './risk-level.ts';
export { deriveScalingPolicy, type ScalingParams, ScalingParamsSchema } from './scaling-policy.ts';
export { type ScenarioColumns, scenarioFrameFromColumns } from './scenario-columns.ts';
export {
  summariseTiers,
  TIER_NAMES,
  TIER_SIZING,
  type TierGpuColumns,
  type TierName,
  type TierSummary,
  type Tiers,
  tierGpuColumns,
} from './tiers.ts';
export { toYaml, type YamlValue } from './yaml-text.ts';
