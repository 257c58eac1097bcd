import type { ScenarioRow } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { procurementChannels, resolveCostModel } from './cost-model.ts';
import { describeHorizon } from './horizon.ts';
import { planProcurement } from './procurement-mix.ts';

// A GPU of 1 TFLOPS makes demand read in GPUs. The quantiles below spread demand evenly over
// [0, 9.9] GPUs (density 0.1: p50 = 5, p75 = 7.5, p90 = 9, p95 = 9.5, p99 = 9.9) with the
// exponential tail above, so the n-th GPU (n <= 9) is reached with mean chance 1 - (n - 0.5) / 10.
const t0 = Date.UTC(2025, 0, 1);
const uniform = (i: number): ScenarioRow => ({
  timestamp: t0 + i * 3_600_000,
  baseline: 5,
  expected_value: 5,
  spike_probability: 0,
  p50: 5,
  p75: 7.5,
  p90: 9,
  p95: 9.5,
  p99: 9.9,
});
const idle = (i: number): ScenarioRow => ({
  ...uniform(i),
  baseline: 0,
  expected_value: 0,
  p50: 0,
  p75: 0,
  p90: 0,
  p95: 0,
  p99: 0,
});
const gpu = { id: 'unit', name: 'unit GPU', tflops: 1, price_per_hour: 4 };
const option = (price: number, availability = 1) => ({
  price_per_hour: price,
  lead_time_days: 0,
  commitment_months: 0,
  availability,
});

function plan(rows: ScenarioRow[], costs: { k: number; r: number; o: number; s: number; a: number }) {
  const cost = resolveCostModel({
    shortfall_cost_per_gpu_hour: costs.k,
    reserved: option(costs.r),
    on_demand: option(costs.o),
    spot: option(costs.s, costs.a),
  });
  return planProcurement(rows, describeHorizon(rows), gpu, procurementChannels(cost, gpu), cost, 0);
}

describe('planProcurement', () => {
  it('reserves where the reserved hour pays and bursts on spot (solved by hand)', () => {
    // k = 10, r = 2, o = 4, s = 1, a = 0.5. Worth of the n-th reserved GPU with mean chance P:
    // 10P - max(0, 10P - 4, 0.5 (10P - 1)) >= 2 <=> P >= 0.3 <=> n <= 7.  Above: on-demand never
    // beats spot (needs P >= 0.7); spot pays while 10P > 1 <=> P > 0.1 <=> n = 8, 9.
    const mix = plan([uniform(0), uniform(1), uniform(2)], { k: 10, r: 2, o: 4, s: 1, a: 0.5 });
    expect(mix.reserved_gpus).toBe(7);
    expect(mix.on_demand_peak_gpus).toBe(0);
    expect(mix.spot_peak_gpus).toBe(2);
    expect(mix.spot_average_gpus).toBe(2);
    // shortfall per hour = 0.5 E[(D - 9)+] + 0.5 E[(D - 7)+]
    //   E[(D - c)+] = (9.9 - c) - (9.9^2 - c^2) / 20 + 0.01 s, s = 0.4 / ln 5
    const tail = (0.01 * 0.4) / Math.log(5);
    const es = (c: number) => 9.9 - c - (9.9 ** 2 - c ** 2) / 20 + tail;
    const perHour = 0.5 * es(9) + 0.5 * es(7);
    expect(mix.expected_shortfall_gpu_hours).toBeCloseTo(3 * perHour, 9);
    expect(mix.horizon_cost.reserved).toBeCloseTo(7 * 2 * 3, 9);
    expect(mix.horizon_cost.spot).toBeCloseTo(2 * 0.5 * 1 * 3, 9);
    expect(mix.horizon_cost.shortfall).toBeCloseTo(30 * perHour, 9);
    expect(mix.horizon_cost.total).toBeCloseTo(42 + 3 + 30 * perHour, 9);
  });

  it('buys on demand where demand comes and goes (solved by hand)', () => {
    // Same prices but r = 3, and every other hour has no demand: a reserved GPU would have to
    // earn 6 in the busy hour, more than the on-demand price 4 it saves at best -> none.
    // Busy hour: on-demand while 10P - 4 >= 0.5 (10P - 1) <=> P >= 0.7 <=> n <= 3; then spot
    // while P > 0.1 <=> n = 4..9.
    const mix = plan([uniform(0), idle(1)], { k: 10, r: 3, o: 4, s: 1, a: 0.5 });
    expect(mix.reserved_gpus).toBe(0);
    expect(mix.schedule.map((s) => [s.reserved_gpus, s.on_demand_gpus, s.spot_gpus])).toEqual([
      [0, 3, 6],
      [0, 0, 0],
    ]);
    expect(mix.on_demand_average_gpus).toBe(1.5);
  });

  it('is the newsvendor critical ratio without spot and with on-demand dearer than shortfall', () => {
    // reserve up to P(D > x) = r / k = 0.2, the 0.8 quantile: 8 GPUs
    const mix = plan([uniform(0), uniform(1)], { k: 10, r: 2, o: 20, s: 1, a: 0 });
    expect(mix.reserved_gpus).toBe(8);
    expect(mix.on_demand_peak_gpus).toBe(0);
    expect(mix.spot_peak_gpus).toBe(0);
  });

  it('buys nothing when shortfall costs nothing, and scales costs to a month', () => {
    const free = plan([uniform(0)], { k: 0, r: 2, o: 4, s: 1, a: 0.5 });
    expect(free.reserved_gpus + free.on_demand_peak_gpus + free.spot_peak_gpus).toBe(0);
    const mix = plan([uniform(0), uniform(1)], { k: 10, r: 2, o: 4, s: 1, a: 0.5 });
    expect(mix.monthly_cost.total).toBeCloseTo((mix.horizon_cost.total * 730) / 2, 9);
  });
});
