import { planCapacity } from '@cdf/capacity';
import type { ScenarioFrame } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { capacityUnitWarning } from './capacity-unit-warning.ts';

const scenarios: ScenarioFrame = Array.from({ length: 24 }, (_, h) => ({
  timestamp: Date.UTC(2026, 0, 1, h),
  baseline: 500,
  expected_value: 520,
  spike_probability: 0.05,
  p50: 500,
  p75: 560,
  p90: 620,
  p95: 660,
  p99: 760,
}));

describe('capacityUnitWarning', () => {
  it('warns when a request-count target is sized as TFLOPS', () => {
    const plan = planCapacity(scenarios);
    expect(capacityUnitWarning('request_count', plan)).toMatch(/sized "request_count" as TFLOPS/);
    expect(capacityUnitWarning('compute_tflops', plan)).toBeUndefined();
  });

  it('stays quiet once the demand unit says what a GPU serves', () => {
    const plan = planCapacity(scenarios, { demand: { unit: 'requests/h', per_gpu: 100 } });
    expect(capacityUnitWarning('request_count', plan)).toBeUndefined();
    // 660 requests/h at P95 x 1.3 buffer over 100 per GPU -> 9 GPUs at the recommended tier
    expect(plan.tiers.conservative.peak_gpus).toBe(9);
  });
});
