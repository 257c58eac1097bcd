import type { CapacityPlan } from '@cdf/capacity';
import type { PlannedEvent, ScenarioFrame, SpikeEvent, SpikeType } from '@cdf/core';
import type { DashboardDataInput } from '../dashboard/dashboard-data.ts';
import { decomposeHistory } from './history-decomposition.ts';

/** The history of one series as the dashboard draws it. */
export interface DashboardHistoryColumns {
  timestamps: number[];
  values: number[];
  expected: number[];
  isAnomaly: boolean[];
  spikeType: (SpikeType | null)[];
}

/** What the dashboard of one series is made from. */
export interface DashboardSource {
  seriesId: string;
  target: string;
  generatedAt: number;
  history: DashboardHistoryColumns;
  events: readonly SpikeEvent[];
  /** This series' scenario rows only. */
  scenarios: ScenarioFrame;
  /** The capacity plan of this series' rows. */
  plan: CapacityPlan;
  plannedEvents: readonly PlannedEvent[];
}

/**
 * The dashboard's input for one series: the detector's view of the history, the scenarios, the
 * series' own capacity plan (requirements and tiers) and the planned events. Demand below zero
 * cannot occur in a prepared series; the detector's expected value is clipped at 0 for drawing.
 * A step filled in a gap has no expected value (the detector took it as missing, NaN): the
 * dashboard draws the filled value there, so the line bridges the gap as the values do.
 */
export function dashboardInput(source: DashboardSource): DashboardDataInput {
  const { plan } = source;
  const recommended = 'conservative';
  return {
    run: {
      title: `Compute demand: ${source.seriesId}`,
      series_id: source.seriesId,
      generated_at: source.generatedAt,
      target: { name: source.target, unit: plan.demand?.unit ?? 'TFLOPS' },
      gpu: { name: plan.gpu.name, tflops: plan.gpu.tflops, price_per_hour: plan.gpu.price_per_hour },
      currency: plan.cost.currency,
      hours_per_month: plan.cost.hours_per_month,
      utilization_target: plan.cost.utilization_target,
      utilization_warning: plan.cost.utilization_warning,
    },
    history: {
      timestamps: source.history.timestamps,
      values: source.history.values,
      expected: source.history.expected.map((v, i) =>
        Number.isFinite(v) ? Math.max(0, v) : source.history.values[i]!,
      ),
      is_anomaly: source.history.isAnomaly,
      spike_type: source.history.spikeType,
    },
    decomposition: decomposeHistory(source.history),
    spike_events: source.events.map((e) => ({ ...e })),
    scenarios: source.scenarios.map((row) => {
      const { series_id: _omit, ...rest } = row;
      return rest;
    }),
    planned_events: [...source.plannedEvents],
    requirements: plan.requirements.map((row) => {
      const { series_id: _omit, ...rest } = row;
      return rest;
    }),
    tiers: Object.values(plan.tiers).map((tier) => ({
      name: tier.name,
      average_gpus: tier.average_gpus,
      peak_gpus: tier.peak_gpus,
      average_cost_per_hour: tier.average_cost_per_hour,
      monthly_cost: tier.monthly_cost,
      premium_over_baseline_monthly: tier.premium_over_baseline_monthly,
      premium_over_baseline_pct: tier.premium_over_baseline_pct,
      recommended: tier.name === recommended,
    })),
  };
}
