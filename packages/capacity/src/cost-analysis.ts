import type { CostModel, GpuProfile, RequirementFrame, ScenarioRow } from '@cdf/core';
import {
  demandDistribution,
  exceedanceProbability,
  expectedIdle,
  expectedShortfall,
} from './demand-distribution.ts';
import type { Horizon } from './horizon.ts';
import { TIER_NAMES, type TierGpuColumns, type TierName, type Tiers } from './tiers.ts';

/** What one tier leaves unserved and idle under the forecast distribution, over the horizon. */
export interface TierOutcome {
  /** Sum over rows of E[max(D - C, 0)] / tflops x step hours: demand the tier cannot serve. */
  readonly expected_shortfall_gpu_hours: number;
  /** Sum over rows of E[max(C - D, 0)] / tflops x step hours: GPUs paid for and not used. */
  readonly expected_idle_gpu_hours: number;
  /** Sum over rows of P(D > C) x step hours: hours in which demand is expected to exceed the tier. */
  readonly expected_hours_short: number;
  /** expected_shortfall_gpu_hours x shortfall_cost_per_gpu_hour. */
  readonly expected_shortfall_cost: number;
  /** The tier's horizon cost plus its expected shortfall cost. */
  readonly expected_total_cost: number;
  /**
   * (tier horizon cost - baseline horizon cost) / (baseline shortfall - tier shortfall GPU-hours):
   * what each avoided GPU-hour of shortfall costs. Null for the baseline or when nothing is avoided.
   */
  readonly cost_per_avoided_shortfall_gpu_hour: number | null;
}

/** The money view of a plan over its horizon and per month. */
export interface CostAnalysis {
  readonly currency: string;
  /** Hours the forecast covers. */
  readonly horizon_hours: number;
  /** The baseline tier's monthly cost. */
  readonly monthly_baseline_cost: number;
  /** The recommended (conservative) tier's monthly cost. */
  readonly monthly_recommended_cost: number;
  /** monthly_recommended_cost - monthly_baseline_cost: what spike protection costs a month. */
  readonly monthly_spike_protection_premium: number;
  /** The premium as a percentage of the baseline cost; null when the baseline costs nothing. */
  readonly spike_protection_premium_pct: number | null;
  /** Expected shortfall GPU-hours avoided by the recommended tier compared with the baseline tier. */
  readonly avoided_shortfall_gpu_hours: number;
  /** The recommended tier's cost per avoided shortfall GPU-hour (null when none is avoided). */
  readonly recommended_cost_per_avoided_shortfall_gpu_hour: number | null;
  /** Rows whose expected utilization is above the utilization warning. */
  readonly utilization_warning_rows: number;
  /** Each tier's outcome under the forecast distribution. */
  readonly tiers: Record<TierName, TierOutcome>;
}

/**
 * Cost the tiers against the forecast distribution of each row (see `demandDistribution`):
 * shortfall and idle GPU-hours are the expectations E[max(D - C, 0)] and E[max(C - D, 0)]
 * divided by the GPU's throughput, with C = tier GPUs x tflops.
 */
export function analyseCosts(
  scenarios: readonly ScenarioRow[],
  requirements: RequirementFrame,
  columns: TierGpuColumns,
  tiers: Tiers,
  horizon: Horizon,
  gpu: Pick<GpuProfile, 'tflops'>,
  cost: CostModel,
): CostAnalysis {
  const distributions = scenarios.map((row) => demandDistribution(row));
  const outcomes = {} as Record<TierName, TierOutcome>;
  const baseline = tierTotals(columns.baseline);
  for (const name of TIER_NAMES) {
    const t = name === 'baseline' ? baseline : tierTotals(columns[name]);
    const shortfallCost = t.shortfall * cost.shortfall_cost_per_gpu_hour;
    const avoided = baseline.shortfall - t.shortfall;
    const extra = tiers[name].horizon_cost - tiers.baseline.horizon_cost;
    outcomes[name] = {
      expected_shortfall_gpu_hours: t.shortfall,
      expected_idle_gpu_hours: t.idle,
      expected_hours_short: t.hoursShort,
      expected_shortfall_cost: shortfallCost,
      expected_total_cost: tiers[name].horizon_cost + shortfallCost,
      cost_per_avoided_shortfall_gpu_hour: name !== 'baseline' && avoided > 1e-9 ? extra / avoided : null,
    };
  }
  const monthlyBaseline = tiers.baseline.monthly_cost;
  const monthlyRecommended = tiers.conservative.monthly_cost;
  const premium = monthlyRecommended - monthlyBaseline;
  return {
    currency: cost.currency,
    horizon_hours: horizon.hours,
    monthly_baseline_cost: monthlyBaseline,
    monthly_recommended_cost: monthlyRecommended,
    monthly_spike_protection_premium: premium,
    spike_protection_premium_pct: monthlyBaseline > 0 ? (premium / monthlyBaseline) * 100 : null,
    avoided_shortfall_gpu_hours:
      outcomes.baseline.expected_shortfall_gpu_hours - outcomes.conservative.expected_shortfall_gpu_hours,
    recommended_cost_per_avoided_shortfall_gpu_hour:
      outcomes.conservative.cost_per_avoided_shortfall_gpu_hour,
    utilization_warning_rows: requirements.filter((r) => r.expected_utilization > cost.utilization_warning)
      .length,
    tiers: outcomes,
  };

  function tierTotals(column: readonly number[]): { shortfall: number; idle: number; hoursShort: number } {
    let shortfall = 0;
    let idle = 0;
    let hoursShort = 0;
    distributions.forEach((d, i) => {
      const capacity = (column[i] ?? 0) * gpu.tflops;
      shortfall += (expectedShortfall(d, capacity) / gpu.tflops) * horizon.stepHours;
      idle += (expectedIdle(d, capacity) / gpu.tflops) * horizon.stepHours;
      hoursShort += exceedanceProbability(d, capacity) * horizon.stepHours;
    });
    return { shortfall, idle, hoursShort };
  }
}
