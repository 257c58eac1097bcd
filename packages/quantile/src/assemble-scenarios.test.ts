import { CdfError, plannedEventsMultiplier, ScenarioFrameSchema } from '@cdf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleScenarios, spikeBeyondPlan } from './assemble-scenarios.ts';
import { RESIDUAL_GRID, type ResidualTable } from './residual-table.ts';

const H = 48;
const times = Float64Array.from({ length: H }, (_, k) => Date.UTC(2025, 0, 1) + (k + 1) * 3_600_000);

/** A table whose log residuals are logistic with a scale that grows by bucket. */
function table(scales: number[], buckets: number[]): ResidualTable {
  const grid = [...RESIDUAL_GRID];
  const rows = scales.map((s) => grid.map((l) => s * Math.log(l / (1 - l))));
  return {
    buckets,
    grid,
    all: rows,
    normal: rows,
    counts: buckets.map(() => 500),
    spikeRate: buckets.map(() => 0),
    epsilon: 0.5,
  };
}

describe('assembleScenarios', () => {
  it('never crosses quantiles nor goes below zero, for any inputs', () => {
    const rowArb = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 100, maxLength: 100 });
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: H, maxLength: H }),
        fc.array(rowArb, { minLength: 2, maxLength: 2 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: H, maxLength: H }),
        fc.array(fc.double({ min: 0.01, max: 50, noNaN: true }), { minLength: H, maxLength: H }),
        fc.boolean(),
        (point, rows, probability, magnitude, withSpikes) => {
          const sorted = rows.map((r) => [...r].sort((a, b) => a - b));
          const t: ResidualTable = { ...table([0.1, 0.2], [6, H]), all: sorted, normal: sorted };
          const frame = assembleScenarios({
            timestamps: times,
            point: Float64Array.from(point),
            table: t,
            ...(withSpikes
              ? {
                  spikes: {
                    probability: Float64Array.from(probability),
                    magnitude: Float64Array.from(magnitude),
                  },
                }
              : {}),
          });
          for (const r of frame) {
            expect(r.p50).toBeGreaterThanOrEqual(0);
            expect(r.p50 <= r.p75 && r.p75 <= r.p90 && r.p90 <= r.p95 && r.p95 <= r.p99).toBe(true);
          }
          expect(ScenarioFrameSchema.safeParse(frame).success).toBe(true);
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });

  it('multiplies every column in a planned 6x launch window by the launch profile, and nothing else', () => {
    const point = Float64Array.from({ length: H }, (_, k) => 100 + 20 * Math.sin(k / 4));
    const t = table([0.05, 0.12], [6, H]);
    const launch = {
      start: times[10]!,
      name: 'model launch',
      expected_multiplier: 6,
      expected_duration_hours: 20,
    };
    const plain = assembleScenarios({ timestamps: times, point, table: t });
    const launched = assembleScenarios({ timestamps: times, point, table: t, plannedEvents: [launch] });
    let inside = 0;
    for (let i = 0; i < H; i++) {
      const m = plannedEventsMultiplier([launch], times[i]!);
      if (m > 1) inside++;
      for (const c of ['baseline', 'expected_value', 'p50', 'p75', 'p90', 'p95', 'p99'] as const) {
        if (m === 1) expect(launched[i]![c]).toBe(plain[i]![c]);
        else expect(launched[i]![c]).toBeCloseTo(plain[i]![c] * m, 9);
      }
    }
    expect(inside).toBe(20);
    expect(Math.max(...launched.map((r, i) => r.p99 / plain[i]!.p99))).toBeCloseTo(6, 9);
  });

  it('does not add a predicted spike on top of the planned launch it describes', () => {
    const point = new Float64Array(H).fill(100);
    const t = table([0.05, 0.1], [6, H]);
    const launch = { start: times[0]!, name: 'launch', expected_multiplier: 5, expected_duration_hours: H };
    const spikes = (size: number) => ({
      probability: new Float64Array(H).fill(0.9),
      magnitude: new Float64Array(H).fill(size),
    });
    const same = assembleScenarios({
      timestamps: times,
      point,
      table: t,
      plannedEvents: [launch],
      spikes: spikes(5),
    });
    const plan = assembleScenarios({ timestamps: times, point, table: t, plannedEvents: [launch] });
    // the launch's plateau (after its 10% ramp): the plan alone says 5x; the spike model agrees
    const k = 24;
    expect(plannedEventsMultiplier([launch], times[k]!)).toBeCloseTo(5, 9);
    expect(same[k]!.baseline).toBeCloseTo(500, 9);
    expect(same[k]!.expected_value).toBeCloseTo(500, 9);
    expect(same[k]!.p50 / plan[k]!.p50).toBeGreaterThan(0.8);
    expect(same[k]!.p50 / plan[k]!.p50).toBeLessThan(1.25);
    // a spike twice the plan's size adds its excess: 0.9 x (10 / 5 - 1) x 500
    const bigger = assembleScenarios({
      timestamps: times,
      point,
      table: t,
      plannedEvents: [launch],
      spikes: spikes(10),
    });
    // of the spike's excess over normal (9x) the plan accounts for 4x: 5/9 of its probability is
    // left, a 2x spike over the plan with probability 0.5
    expect(bigger[k]!.spike_probability).toBeCloseTo(0.5, 9);
    expect(bigger[k]!.expected_value).toBeCloseTo(500 * (1 + 0.5 * 1), 9);
    expect(bigger[k]!.p90 / 500).toBeGreaterThan(1.6);
    expect(bigger[k]!.p50).toBeGreaterThan(plan[k]!.p50);
    // and a spike at the plan's size does not widen the launch either: it is the launch
    expect(same[k]!.spike_probability).toBe(0);
    for (const q of ['p75', 'p90', 'p95', 'p99'] as const) expect(same[k]![q]).toBeCloseTo(plan[k]![q], 9);
  });

  it('keeps of a planned step only the share of the spike that the plan does not explain', () => {
    expect(spikeBeyondPlan(0.3, 4, 1)).toEqual({ probability: 0.3, magnitude: 4 });
    expect(spikeBeyondPlan(0.3, 4, 0.5)).toEqual({ probability: 0.3, magnitude: 8 });
    expect(spikeBeyondPlan(0.6, 5, 5)).toEqual({ probability: 0, magnitude: 1 });
    expect(spikeBeyondPlan(1, 4, 5)).toEqual({ probability: 0, magnitude: 1 });
    // excess 7x over normal, 1x of it planned: 6/7 of the probability, a 4x spike over the plan
    const most = spikeBeyondPlan(0.7, 8, 2);
    expect(most.probability).toBeCloseTo(0.6, 12);
    expect(most.magnitude).toBe(4);
    // continuous: a plan just under the spike leaves almost nothing, just over 1 almost all
    expect(spikeBeyondPlan(0.8, 3, 2.999).probability).toBeLessThan(0.001);
    expect(spikeBeyondPlan(0.8, 3, 1.001).probability).toBeGreaterThan(0.799);
  });

  it('adds the spike contribution p x (magnitude - 1) x level to expected_value', () => {
    const point = new Float64Array(H).fill(200);
    const frame = assembleScenarios({
      timestamps: times,
      point,
      table: table([0.05, 0.1], [6, H]),
      spikes: { probability: new Float64Array(H).fill(0.25), magnitude: new Float64Array(H).fill(3) },
      capacity: (row) => row.p95 * 1.1,
    });
    expect(frame[0]!.expected_value).toBeCloseTo(200 * (1 + 0.25 * 2), 9);
    expect(frame[0]!.spike_probability).toBe(0.25);
    expect(frame[0]!.recommended_capacity).toBeCloseTo(frame[0]!.p95 * 1.1, 9);
    // A 25% chance of a 3x spike puts P90 and above into the spike.
    expect(frame[0]!.p90 / 200).toBeGreaterThan(2);
  });

  it('throws a CdfError naming the step for a bad probability', () => {
    const probability = new Float64Array(H).fill(0.1);
    probability[5] = 1.5;
    try {
      assembleScenarios({
        timestamps: times,
        point: new Float64Array(H).fill(1),
        table: table([0.1, 0.1], [6, H]),
        spikes: { probability, magnitude: new Float64Array(H).fill(2) },
      });
      expect.unreachable();
    } catch (error) {
      expect(CdfError.isInstance(error)).toBe(true);
      expect((error as CdfError).location).toMatchObject({ row: 6, column: 'spikes.probability' });
    }
  });
});
