import { describe, expect, it } from 'vitest';
import { procurementChannels, resolveCostModel } from './cost-model.ts';
import { resolveGpuProfile } from './gpu-presets.ts';

describe('resolveCostModel', () => {
  it('fills the seed defaults', () => {
    expect(resolveCostModel()).toEqual({
      currency: 'USD',
      hours_per_month: 730,
      capacity_buffer: 1.3,
      utilization_target: 0.7,
      utilization_warning: 0.85,
      shortfall_cost_per_gpu_hour: 20,
    });
  });

  it('refuses unknown keys and a warning below the target', () => {
    expect(() => resolveCostModel({ buffer: 1.2 } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
    expect(() => resolveCostModel({ utilization_target: 0.9, utilization_warning: 0.8 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_CONFIG',
        location: expect.objectContaining({ column: 'utilization_warning' }),
      }),
    );
  });
});

describe('procurementChannels', () => {
  it('scales the defaults to the GPU price and keeps given channels', () => {
    const h100 = resolveGpuProfile('h100');
    const ch = procurementChannels(
      resolveCostModel({ spot: { price_per_hour: 1.5, lead_time_days: 0, availability: 0.5 } }),
      h100,
    );
    expect(ch.on_demand).toEqual({
      price_per_hour: 6,
      lead_time_days: 0,
      commitment_months: 0,
      availability: 1,
    });
    expect(ch.reserved).toEqual({
      price_per_hour: 3.6,
      lead_time_days: 42,
      commitment_months: 12,
      availability: 1,
    });
    expect(ch.spot).toEqual({
      price_per_hour: 1.5,
      lead_time_days: 0,
      commitment_months: 0,
      availability: 0.5,
    });
  });
});
