import { CdfError, RequirementFrameSchema, ScalingPolicySchema, type ScenarioRow } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioFrameArbitrary } from '../test/scenario-arbitrary.ts';
import { planCapacity } from './plan-capacity.ts';
import { TIER_NAMES } from './tiers.ts';

const t0 = Date.UTC(2025, 2, 3);
const rows: ScenarioRow[] = [
  {
    timestamp: t0,
    baseline: 1000,
    expected_value: 1500,
    spike_probability: 0.1,
    p50: 1200,
    p75: 1500,
    p90: 1800,
    p95: 2000,
    p99: 3000,
  },
  {
    timestamp: t0 + 3_600_000,
    baseline: 1000,
    expected_value: 1100,
    spike_probability: 0.05,
    p50: 1000,
    p75: 1100,
    p90: 1200,
    p95: 1300,
    p99: 1500,
  },
];

describe('planCapacity', () => {
  it('costs the tiers as GPUs x price, per hour and per month', () => {
    const plan = planCapacity(rows);
    // recommended GPUs: 9 (2600 TFLOPS), then max(1300, 1100) x 1.3 = 1690 -> 6; baseline 5 and 5
    expect(plan.requirements.map((r) => r.recommended_gpus)).toEqual([9, 6]);
    const c = plan.tiers.conservative;
    expect(c.average_gpus).toBe(7.5);
    expect(c.peak_gpus).toBe(9);
    expect(c.gpu_hours).toBe(15);
    expect(c.average_cost_per_hour).toBeCloseTo(7.5 * 3.5, 12);
    expect(c.monthly_cost).toBeCloseTo(7.5 * 3.5 * 730, 9);
    expect(c.monthly_cost_at_peak).toBeCloseTo(9 * 3.5 * 730, 9);
    expect(plan.tiers.baseline.average_gpus).toBe(5);
    expect(c.premium_over_baseline_monthly).toBeCloseTo((7.5 - 5) * 3.5 * 730, 9);
    expect(c.premium_over_baseline_pct).toBeCloseTo(50, 9);
    expect(plan.costAnalysis.monthly_spike_protection_premium).toBeCloseTo(
      c.premium_over_baseline_monthly,
      9,
    );
    expect(plan.horizon).toMatchObject({ start: t0, end: t0 + 2 * 3_600_000, hours: 2, rows: 2, series: 1 });
  });

  it('trades idle GPU-hours for shortfall from tier to tier', () => {
    const a = planCapacity(rows).costAnalysis;
    for (let i = 1; i < TIER_NAMES.length; i++) {
      const lower = a.tiers[TIER_NAMES[i - 1]!];
      const higher = a.tiers[TIER_NAMES[i]!];
      expect(higher.expected_shortfall_gpu_hours).toBeLessThanOrEqual(lower.expected_shortfall_gpu_hours);
      expect(higher.expected_idle_gpu_hours).toBeGreaterThanOrEqual(lower.expected_idle_gpu_hours);
    }
    expect(a.avoided_shortfall_gpu_hours).toBeGreaterThan(0);
    const perAvoided = a.recommended_cost_per_avoided_shortfall_gpu_hour;
    expect(perAvoided).toBeCloseTo((5 * 3.5) / a.avoided_shortfall_gpu_hours, 9);
  });

  it('sums a fleet per timestamp', () => {
    const fleet = [
      ...rows.map((r) => ({ ...r, series_id: 'a' })),
      ...rows.map((r) => ({ ...r, series_id: 'b' })),
    ];
    const plan = planCapacity(fleet);
    expect(plan.tiers.conservative.peak_gpus).toBe(18);
    expect(plan.tiers.conservative.average_gpus).toBe(15);
    expect(plan.horizon.series).toBe(2);
    expect(plan.procurement.reserved_gpus).toBe(2 * planCapacity(rows).procurement.reserved_gpus);
  });

  it('needs fewer GPUs on a faster profile', () => {
    const a100 = planCapacity(rows, { gpu: 'a100' });
    const b200 = planCapacity(rows, { gpu: 'b200' });
    expect(b200.tiers.conservative.peak_gpus).toBeLessThan(a100.tiers.conservative.peak_gpus);
    expect(
      planCapacity(rows, { gpu: 'a100', gpuOverrides: { tflops: 100 } }).requirements[0]?.recommended_gpus,
    ).toBe(26);
  });

  it('refuses bad input with a CdfError', () => {
    expect(() => planCapacity([])).toThrow(CdfError);
    expect(() => planCapacity([{ ...rows[0]!, p75: 1 }])).toThrow(/quantiles must not cross/);
    expect(() => planCapacity(rows, { cost: { capacity_buffer: 0.5 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
    expect(() => planCapacity(rows, { gpu: 'tpu' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
    expect(() =>
      planCapacity(rows, { policy: { scaling: { scale_up_threshold: 0.3, scale_down_threshold: 0.5 } } }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });

  it('holds its invariants on random valid scenario frames (property)', () => {
    fc.assert(
      fc.property(scenarioFrameArbitrary(12), fc.constantFrom('a100', 'h100', 'b200'), (frame, gpu) => {
        const plan = planCapacity(frame, { gpu });
        expect(RequirementFrameSchema.safeParse(plan.requirements).success).toBe(true);
        expect(ScalingPolicySchema.safeParse(plan.scalingPolicy).success).toBe(true);
        plan.requirements.forEach((r) => {
          expect(r.burst_ready_gpus).toBeGreaterThanOrEqual(r.recommended_gpus);
          expect(r.recommended_gpus).toBeGreaterThanOrEqual(r.baseline_gpus);
          expect(r.recommended_cost_per_hour).toBeCloseTo(r.recommended_gpus * plan.gpu.price_per_hour, 9);
        });
        for (let i = 1; i < TIER_NAMES.length; i++) {
          expect(plan.tiers[TIER_NAMES[i]!].peak_gpus).toBeGreaterThanOrEqual(
            plan.tiers[TIER_NAMES[i - 1]!].peak_gpus,
          );
        }
        for (const name of TIER_NAMES) {
          const t = plan.tiers[name];
          expect(t.horizon_cost).toBeCloseTo(t.gpu_hours * plan.gpu.price_per_hour, 6);
          const o = plan.costAnalysis.tiers[name];
          expect(o.expected_shortfall_gpu_hours).toBeGreaterThanOrEqual(0);
          expect(o.expected_idle_gpu_hours).toBeGreaterThanOrEqual(0);
        }
        expect(plan.scalingPolicy.max_gpus).toBe(
          Math.max(plan.tiers.emergency.peak_gpus, plan.scalingPolicy.min_gpus),
        );
        expect(plan.procurement.horizon_cost.total).toBeGreaterThanOrEqual(0);
      }),
      { seed: 11, numRuns: 150 },
    );
  });
});
