import { planCapacity, scenarioFrameFromColumns } from '@cdf/capacity';
import { speedCase } from '../speed-case.ts';
import type { Suite } from '../suite.ts';
import { twoYears, workloadRows } from '../workloads/synthetic-workload.ts';

/**
 * Scenario columns over the synthetic series, for timing only: the demand as the baseline and
 * P50, and fixed widening factors for the upper quantiles (the planner's speed does not depend
 * on how good the quantiles are).
 */
function scenarioColumns(values: Float64Array, timestamps: Float64Array) {
  const scale = (k: number) => Float64Array.from(values, (v) => v * k);
  return {
    timestamp: timestamps,
    baseline: values,
    expected_value: scale(1.02),
    spike_probability: new Float64Array(values.length).fill(0.05),
    p50: values,
    p75: scale(1.1),
    p90: scale(1.25),
    p95: scale(1.4),
    p99: scale(1.8),
  };
}

/** @cdf/capacity: plan GPUs, cost, tiers, procurement, scaling policy and recommendations. */
export const capacitySuite: Suite = {
  name: 'capacity',
  speed: [
    speedCase({
      id: 'capacity/plan-2y',
      title:
        'validate a scenario frame + plan capacity (GPUs, cost, tiers, procurement, HPA, recommendations), 17,520 rows (1,344 in --quick)',
      units: (ctx) => ({ count: workloadRows(ctx.quick), unit: 'rows' }),
      setup: (ctx) => {
        const { series } = twoYears(ctx.quick);
        return scenarioColumns(series.values, series.timestamps);
      },
      run: (columns) => planCapacity(scenarioFrameFromColumns(columns)),
    }),
  ],
};
