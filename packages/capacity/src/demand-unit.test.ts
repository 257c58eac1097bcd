import type { ScenarioFrame } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { resolveDemandUnit } from './demand-unit.ts';
import { planCapacity } from './plan-capacity.ts';
import { renderRecommendationsMarkdown } from './recommendations-markdown.ts';

// A flat day of demand: 1,000 units every hour, P95 1,200 and P99 1,500.
const scenarios: ScenarioFrame = Array.from({ length: 24 }, (_, h) => ({
  timestamp: Date.UTC(2026, 0, 1, h),
  baseline: 1000,
  expected_value: 1000,
  spike_probability: 0,
  p50: 1000,
  p75: 1100,
  p90: 1150,
  p95: 1200,
  p99: 1500,
}));

describe('resolveDemandUnit', () => {
  it('defaults to TFLOPS served at the GPU profile throughput', () => {
    expect(resolveDemandUnit(undefined, { tflops: 312 })).toEqual({
      unit: 'TFLOPS',
      per_gpu: 312,
      from_gpu_profile: true,
    });
  });

  it('refuses another unit without what one GPU serves, naming the field', () => {
    expect(() => resolveDemandUnit({ unit: 'requests/h' }, { tflops: 312 })).toThrow(
      /demand in "requests\/h" needs capacity\.params\.demand\.per_gpu/,
    );
    expect(() => resolveDemandUnit({ unit: 'requests/h', per_gpu: -1 }, { tflops: 312 })).toThrow(/per_gpu/);
  });
});

describe('planCapacity with a demand unit', () => {
  it('divides demand by what one GPU serves instead of its TFLOPS', () => {
    const tflops = planCapacity(scenarios);
    const requests = planCapacity(scenarios, { demand: { unit: 'requests/h', per_gpu: 50 } });
    // recommended = ceil(max(P95, expected) x 1.3 / throughput): 1,560 / 312 -> 5; / 50 -> 32
    expect(tflops.tiers.conservative.peak_gpus).toBe(5);
    expect(requests.tiers.conservative.peak_gpus).toBe(32);
    // the GPU itself is unchanged; the report says what a GPU was counted as
    expect(requests.gpu.tflops).toBe(312);
    const markdown = renderRecommendationsMarkdown(requests.recommendations);
    expect(markdown).toContain('with demand in requests/h');
    expect(markdown).toContain('counted as serving 50 requests/h at full utilization');
    expect(renderRecommendationsMarkdown(tflops.recommendations)).toContain('312 TFLOPS (dense BF16)');
  });
});
