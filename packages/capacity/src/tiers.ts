import type { CostModel, GpuProfile, ScenarioRow } from '@cdf/core';
import { type Horizon, totalsByTimestamp } from './horizon.ts';
import { tierGpus } from './requirements.ts';

/** The four scenarios a plan is costed for, smallest first. */
export const TIER_NAMES = ['baseline', 'expected', 'conservative', 'emergency'] as const;
/** A tier name. */
export type TierName = (typeof TIER_NAMES)[number];

/** How each tier is sized, in words (also the report's wording). */
export const TIER_SIZING: Record<TierName, string> = {
  baseline: 'baseline demand at the utilization target: ceil(baseline / (tflops x utilization_target))',
  expected: 'expected demand with headroom: max(ceil(expected_value x buffer / tflops), baseline tier)',
  conservative:
    'P95 or expected demand with headroom (the recommended tier): max(ceil(max(p95, expected_value) x buffer / tflops), baseline tier)',
  emergency:
    'P99 demand with headroom (the burst-ready tier): max(ceil(p99 x buffer / tflops), conservative tier)',
};

/** GPUs per forecast row for every tier, in the scenario frame's row order. */
export type TierGpuColumns = Record<TierName, number[]>;

/** Size every tier for every row. The tiers nest: emergency >= conservative >= expected >= baseline. */
export function tierGpuColumns(
  scenarios: readonly ScenarioRow[],
  gpu: Pick<GpuProfile, 'tflops'>,
  cost: Pick<CostModel, 'capacity_buffer' | 'utilization_target'>,
): TierGpuColumns {
  const columns: TierGpuColumns = { baseline: [], expected: [], conservative: [], emergency: [] };
  for (const row of scenarios) {
    const t = tierGpus(row, gpu, cost);
    columns.baseline.push(t.baseline);
    columns.expected.push(t.expected);
    columns.conservative.push(t.recommended);
    columns.emergency.push(t.burst);
  }
  return columns;
}

/** One tier over the horizon: its GPUs (per timestamp, all series together) and what they cost. */
export interface TierSummary {
  readonly name: TierName;
  /** The sizing rule. */
  readonly sizing: string;
  /** Mean GPUs over the horizon's timestamps. */
  readonly average_gpus: number;
  /** Most GPUs at any timestamp. */
  readonly peak_gpus: number;
  /** GPU-hours over the horizon. */
  readonly gpu_hours: number;
  /** average_gpus x price per GPU-hour. */
  readonly average_cost_per_hour: number;
  /** peak_gpus x price per GPU-hour. */
  readonly peak_cost_per_hour: number;
  /** gpu_hours x price: the cost of following the tier hour by hour over the horizon. */
  readonly horizon_cost: number;
  /** average_cost_per_hour x hours_per_month: a month like the horizon, scaled hour by hour. */
  readonly monthly_cost: number;
  /** peak_cost_per_hour x hours_per_month: holding the peak all month (no autoscaling). */
  readonly monthly_cost_at_peak: number;
  /** monthly_cost - baseline tier's monthly_cost. */
  readonly premium_over_baseline_monthly: number;
  /** premium_over_baseline_monthly / baseline monthly_cost x 100; null when the baseline costs nothing. */
  readonly premium_over_baseline_pct: number | null;
}

/** Every tier's summary. */
export type Tiers = Record<TierName, TierSummary>;

/** Summarise the tiers over the horizon. */
export function summariseTiers(
  scenarios: readonly ScenarioRow[],
  columns: TierGpuColumns,
  horizon: Horizon,
  gpu: Pick<GpuProfile, 'price_per_hour'>,
  cost: Pick<CostModel, 'hours_per_month'>,
): Tiers {
  const price = gpu.price_per_hour;
  const raw = TIER_NAMES.map((name) => {
    const column = columns[name];
    const totals = totalsByTimestamp(horizon, scenarios, (i) => column[i] ?? 0);
    const sum = totals.reduce((a, b) => a + b, 0);
    const average = totals.length > 0 ? sum / totals.length : 0;
    const peak = totals.reduce((a, b) => Math.max(a, b), 0);
    const gpuHours = sum * horizon.stepHours;
    return {
      name,
      sizing: TIER_SIZING[name],
      average_gpus: average,
      peak_gpus: peak,
      gpu_hours: gpuHours,
      average_cost_per_hour: average * price,
      peak_cost_per_hour: peak * price,
      horizon_cost: gpuHours * price,
      monthly_cost: average * price * cost.hours_per_month,
      monthly_cost_at_peak: peak * price * cost.hours_per_month,
    };
  });
  const baselineMonthly = raw[0]?.monthly_cost ?? 0;
  const entries = raw.map((t) => {
    const premium = t.monthly_cost - baselineMonthly;
    const summary: TierSummary = {
      ...t,
      premium_over_baseline_monthly: premium,
      premium_over_baseline_pct: baselineMonthly > 0 ? (premium / baselineMonthly) * 100 : null,
    };
    return [t.name, summary] as const;
  });
  return Object.fromEntries(entries) as Tiers;
}
