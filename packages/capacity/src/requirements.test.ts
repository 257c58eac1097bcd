import { RequirementRowSchema, type ScenarioRow } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioRowArbitrary } from '../test/scenario-arbitrary.ts';
import { resolveCostModel } from './cost-model.ts';
import { GPU_PRESETS, resolveGpuProfile } from './gpu-presets.ts';
import { computeRequirements, recommendedCapacity, requirementRow } from './requirements.ts';
import { RiskRuleSchema } from './risk-level.ts';

const cost = resolveCostModel();
const risk = RiskRuleSchema.parse({});
const a100 = resolveGpuProfile('a100');
const t0 = Date.UTC(2025, 2, 3);
const row = (over: Partial<ScenarioRow> = {}): ScenarioRow => ({
  timestamp: t0,
  baseline: 1000,
  expected_value: 1500,
  spike_probability: 0.1,
  p50: 1200,
  p75: 1500,
  p90: 1800,
  p95: 2000,
  p99: 3000,
  ...over,
});

describe('requirementRow', () => {
  it('follows the seed rules on a row worked by hand', () => {
    const r = requirementRow(row(), a100, cost, risk);
    // capacity = max(2000, 1500) x 1.3 = 2600; 2600 / 312 = 8.33 -> 9 GPUs
    expect(r.recommended_capacity).toBeCloseTo(2600, 9);
    expect(r.recommended_gpus).toBe(9);
    // 1000 / (312 x 0.7) = 4.58 -> 5
    expect(r.baseline_gpus).toBe(5);
    // 3000 x 1.3 / 312 = 12.5 -> 13
    expect(r.burst_ready_gpus).toBe(13);
    expect(r.recommended_cost_per_hour).toBeCloseTo(31.5, 12);
    expect(r.expected_utilization).toBeCloseTo(1500 / 2808, 12);
    // P(D > 2808) = 0.01 + 0.04 x (3000 - 2808) / 1000 = 0.01768 >= 0.01 -> high
    expect(r.risk_level).toBe('high');
  });

  it('nests the tiers where the raw rules would cross', () => {
    // baseline 2000 needs ceil(2000 / 218.4) = 10 GPUs, more than the raw recommended 9
    const r = requirementRow(row({ baseline: 2000 }), a100, cost, risk);
    expect(r.baseline_gpus).toBe(10);
    expect(r.recommended_gpus).toBe(10);
    // an expected value above P99: recommended 4000 x 1.3 / 312 -> 17 > raw burst 13
    const s = requirementRow(row({ expected_value: 4000 }), a100, cost, risk);
    expect(s.recommended_gpus).toBe(17);
    expect(s.burst_ready_gpus).toBe(17);
  });

  it('classifies risk by expected utilization and the chance of exceeding capacity', () => {
    // wide tail: capacity well above p99 -> low
    expect(requirementRow(row({ p99: 2100 }), a100, cost, risk).risk_level).toBe('low');
    // no buffer: capacity 2000 -> 7 GPUs = 2184; P(D > 2184) = 0.01 + 0.04 x 816 / 1000 = 0.0426 -> high
    const thin = resolveCostModel({ capacity_buffer: 1 });
    expect(requirementRow(row(), a100, thin, risk).risk_level).toBe('high');
    // expected demand exactly fills 7 GPUs: utilization 1 -> critical
    expect(requirementRow(row({ expected_value: 2184, p95: 2184 }), a100, thin, risk).risk_level).toBe(
      'critical',
    );
    // a stricter rule turns the 0.0426 chance critical
    const strict = RiskRuleSchema.parse({ critical_exceedance: 0.04 });
    expect(requirementRow(row(), a100, thin, strict).risk_level).toBe('critical');
    // expected value above the warning: 1900 / (7 x 312) = 0.87 > 0.85, no tail -> high
    expect(
      requirementRow(row({ expected_value: 1900, p95: 1900, p99: 1900 }), a100, thin, risk).risk_level,
    ).toBe('high');
  });

  it('changes the GPUs when the profile changes', () => {
    const h100 = requirementRow(row(), resolveGpuProfile('h100'), cost, risk);
    // 2600 / 989 -> 3; 1000 / (989 x 0.7) -> 2; 3900 / 989 -> 4
    expect([h100.baseline_gpus, h100.recommended_gpus, h100.burst_ready_gpus]).toEqual([2, 3, 4]);
    expect(h100.recommended_cost_per_hour).toBeCloseTo(3 * GPU_PRESETS.h100.price_per_hour, 12);
    const cheap = requirementRow(row(), resolveGpuProfile('a100', { price_per_hour: 2 }), cost, risk);
    expect(cheap.recommended_cost_per_hour).toBe(18);
  });

  it('keeps the series id and the row order', () => {
    const frame = computeRequirements(
      [row({ series_id: 'eu' }), row({ series_id: 'eu', timestamp: t0 + 3_600_000, p95: 100, p99: 100 })],
      a100,
      cost,
      risk,
    );
    expect(frame.map((r) => [r.series_id, r.timestamp])).toEqual([
      ['eu', t0],
      ['eu', t0 + 3_600_000],
    ]);
  });

  it('holds the invariants on random valid rows (property)', () => {
    const profiles = [
      a100,
      resolveGpuProfile('b200'),
      resolveGpuProfile('a100', { tflops: 7.5, price_per_hour: 0.3 }),
    ];
    fc.assert(
      fc.property(
        scenarioRowArbitrary(),
        fc.constantFrom(...profiles),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (r, gpu, buffer) => {
          const c = resolveCostModel({ capacity_buffer: buffer });
          const out = requirementRow(r, gpu, c, risk);
          expect(RequirementRowSchema.safeParse(out).success).toBe(true);
          expect(out.burst_ready_gpus).toBeGreaterThanOrEqual(out.recommended_gpus);
          expect(out.recommended_gpus).toBeGreaterThanOrEqual(out.baseline_gpus);
          const capacity = recommendedCapacity(r, c);
          expect(out.recommended_capacity).toBe(capacity);
          expect(out.recommended_gpus * gpu.tflops).toBeGreaterThanOrEqual(capacity);
          // fewest GPUs unless the baseline tier lifted it
          if (out.recommended_gpus > out.baseline_gpus)
            expect((out.recommended_gpus - 1) * gpu.tflops).toBeLessThan(capacity);
          expect(out.burst_ready_gpus * gpu.tflops).toBeGreaterThanOrEqual(r.p99 * buffer);
          expect(out.recommended_cost_per_hour).toBeCloseTo(out.recommended_gpus * gpu.price_per_hour, 9);
          if (out.recommended_gpus > 0) {
            expect(out.expected_utilization).toBeCloseTo(
              r.expected_value / (out.recommended_gpus * gpu.tflops),
              12,
            );
            expect(out.expected_utilization).toBeLessThanOrEqual(1 / buffer + 1e-12);
          }
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });
});
