import { describe, expect, it } from 'vitest';
import { makeSeries } from '../testing/contract-series.ts';
import { CostModelSchema, RequirementRowSchema, ScalingPolicySchema } from './capacity.ts';
import { MetricsRowSchema, MetricsTableSchema } from './metrics.ts';
import { ScenarioFrameSchema, ScenarioRowSchema } from './scenario.ts';
import { SeriesSchema } from './series.ts';

const row = {
  timestamp: '2025-01-01T00:00:00Z',
  baseline: 100,
  expected_value: 110,
  spike_probability: 0.1,
  p50: 105,
  p75: 120,
  p90: 130,
  p95: 140,
  p99: 180,
};

describe('ScenarioRowSchema', () => {
  it('parses ISO timestamps to epoch ms', () => {
    expect(ScenarioRowSchema.parse(row).timestamp).toBe(Date.UTC(2025, 0, 1));
  });
  it('rejects crossing quantiles, negative demand and probabilities outside 0..1', () => {
    expect(ScenarioRowSchema.safeParse({ ...row, p90: 150 }).success).toBe(false);
    expect(ScenarioRowSchema.safeParse({ ...row, baseline: -1 }).success).toBe(false);
    expect(ScenarioRowSchema.safeParse({ ...row, spike_probability: 1.2 }).success).toBe(false);
  });
  it('requires frames in time order', () => {
    const later = { ...row, timestamp: '2025-01-01T01:00:00Z' };
    expect(ScenarioFrameSchema.safeParse([row, later]).success).toBe(true);
    expect(ScenarioFrameSchema.safeParse([later, row]).success).toBe(false);
  });
});

describe('capacity schemas', () => {
  it('fills the seed defaults into a cost model', () => {
    const cost = CostModelSchema.parse({});
    expect(cost).toMatchObject({
      currency: 'USD',
      hours_per_month: 730,
      capacity_buffer: 1.3,
      utilization_target: 0.7,
      utilization_warning: 0.85,
    });
  });
  it('requires nested tiers', () => {
    const req = {
      timestamp: 0,
      baseline_gpus: 2,
      recommended_gpus: 3,
      burst_ready_gpus: 4,
      recommended_capacity: 900,
      recommended_cost_per_hour: 10.5,
      expected_utilization: 0.6,
      risk_level: 'low',
    };
    expect(RequirementRowSchema.safeParse(req).success).toBe(true);
    expect(RequirementRowSchema.safeParse({ ...req, burst_ready_gpus: 2 }).success).toBe(false);
  });
  it('requires coherent scaling thresholds', () => {
    const policy = {
      min_gpus: 2,
      max_gpus: 10,
      target_utilization: 0.7,
      scale_up_threshold: 0.8,
      scale_down_threshold: 0.5,
      scale_up_cooldown_seconds: 60,
      scale_down_cooldown_seconds: 600,
      max_scale_factor: 2,
      prewarm: [],
    };
    expect(ScalingPolicySchema.safeParse(policy).success).toBe(true);
    expect(ScalingPolicySchema.safeParse({ ...policy, scale_down_threshold: 0.9 }).success).toBe(false);
    expect(ScalingPolicySchema.safeParse({ ...policy, min_gpus: 20 }).success).toBe(false);
  });
});

describe('metrics and series schemas', () => {
  it('accepts extra numeric columns and rejects negative demand', () => {
    expect(MetricsRowSchema.parse({ timestamp: 0, compute_tflops: 5, gpu_util: 0.4 }).gpu_util).toBe(0.4);
    expect(MetricsRowSchema.safeParse({ timestamp: 0, compute_tflops: -5 }).success).toBe(false);
  });
  it('checks column lengths of a metrics table', () => {
    const ok = { timestamps: new Float64Array(2), columns: { a: new Float64Array(2) } };
    expect(MetricsTableSchema.safeParse(ok).success).toBe(true);
    expect(MetricsTableSchema.safeParse({ ...ok, columns: { a: new Float64Array(3) } }).success).toBe(false);
  });
  it('accepts a regular series and rejects an irregular or negative one', () => {
    const series = makeSeries([1, 2, 3]);
    expect(SeriesSchema.safeParse(series).success).toBe(true);
    const irregular = { ...series, timestamps: Float64Array.from([0, 3_600_000, 9_000_000]) };
    expect(SeriesSchema.safeParse(irregular).success).toBe(false);
    const negative = makeSeries([1, -2, 3]);
    expect(SeriesSchema.safeParse(negative).success).toBe(false);
  });
});
