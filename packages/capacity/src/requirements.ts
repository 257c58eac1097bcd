import type { CostModel, GpuProfile, RequirementFrame, RequirementRow, ScenarioRow } from '@cdf/core';
import { demandDistribution, exceedanceProbability } from './demand-distribution.ts';
import { baselineGpusFor, gpusFor } from './gpu-count.ts';
import { classifyRisk, type RiskRule } from './risk-level.ts';

/**
 * The capacity the recommended tier covers: `max(p95, expected_value) x capacity_buffer`.
 * An input row's own `recommended_capacity` is not used: the plan applies one buffer everywhere
 * so capacity, GPUs and cost agree.
 */
export function recommendedCapacity(row: ScenarioRow, cost: Pick<CostModel, 'capacity_buffer'>): number {
  return Math.max(row.p95, row.expected_value) * cost.capacity_buffer;
}

/**
 * The GPUs of one step for each tier, nested by construction:
 * - baseline = `ceil(baseline / (tflops x utilization_target))`;
 * - recommended = `max(ceil(recommended_capacity / tflops), baseline)`;
 * - burst-ready = `max(ceil(p99 x capacity_buffer / tflops), recommended)`.
 * The `max` only bites where the raw rules would cross (a baseline close to P95, or an expected
 * value above P99), so `burst >= recommended >= baseline` always holds.
 */
export function tierGpus(
  row: ScenarioRow,
  gpu: Pick<GpuProfile, 'tflops'>,
  cost: Pick<CostModel, 'capacity_buffer' | 'utilization_target'>,
): { baseline: number; expected: number; recommended: number; burst: number } {
  const baseline = baselineGpusFor(row.baseline, gpu.tflops, cost.utilization_target);
  const expected = Math.max(gpusFor(row.expected_value * cost.capacity_buffer, gpu.tflops), baseline);
  const recommended = Math.max(gpusFor(recommendedCapacity(row, cost), gpu.tflops), baseline);
  const burst = Math.max(gpusFor(row.p99 * cost.capacity_buffer, gpu.tflops), recommended);
  return { baseline, expected, recommended, burst };
}

/** One {@link RequirementRow}: GPUs per tier, the recommended tier's cost, utilization and risk. */
export function requirementRow(
  row: ScenarioRow,
  gpu: GpuProfile,
  cost: CostModel,
  risk: RiskRule,
): RequirementRow {
  const tiers = tierGpus(row, gpu, cost);
  const provisioned = tiers.recommended * gpu.tflops;
  const expectedUtilization = provisioned > 0 ? row.expected_value / provisioned : 0;
  const exceedance = exceedanceProbability(demandDistribution(row), provisioned);
  const out: RequirementRow = {
    timestamp: row.timestamp,
    baseline_gpus: tiers.baseline,
    recommended_gpus: tiers.recommended,
    burst_ready_gpus: tiers.burst,
    recommended_capacity: recommendedCapacity(row, cost),
    recommended_cost_per_hour: tiers.recommended * gpu.price_per_hour,
    expected_utilization: expectedUtilization,
    risk_level: classifyRisk(expectedUtilization, exceedance, risk, cost),
  };
  return row.series_id === undefined ? out : { series_id: row.series_id, ...out };
}

/** The requirement frame of a scenario frame: one row per step, in the same order. */
export function computeRequirements(
  scenarios: readonly ScenarioRow[],
  gpu: GpuProfile,
  cost: CostModel,
  risk: RiskRule,
): RequirementFrame {
  return scenarios.map((row) => requirementRow(row, gpu, cost, risk));
}
