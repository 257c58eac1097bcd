import { CdfError, type ScenarioRow } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { CAPACITY_PLANNER_NAME, capacityPlugin, createCapacityPlanner } from './capacity-planner.ts';

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
];

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    return CdfError.isInstance(error) ? error.code : 'not a CdfError';
  }
  return undefined;
};

describe('createCapacityPlanner', () => {
  it('parses params with defaults and plans with them', () => {
    const planner = createCapacityPlanner({ gpu: 'h100', cost: { capacity_buffer: 1.5 } });
    expect(planner.stage).toBe('capacity');
    expect(planner.name).toBe(CAPACITY_PLANNER_NAME);
    expect(planner.params.policy.risk.high_exceedance).toBe(0.01);
    // 2000 x 1.5 / 989 -> 4
    expect(planner.plan(rows).requirements[0]?.recommended_gpus).toBe(4);
  });

  it('accepts custom GPU profiles from config', () => {
    const planner = createCapacityPlanner({
      gpu: 'mi300x',
      custom_gpus: [{ id: 'mi300x', name: 'AMD Instinct MI300X', tflops: 1307, price_per_hour: 5 }],
    });
    expect(planner.plan(rows).gpu.name).toBe('AMD Instinct MI300X');
  });

  it('throws INVALID_CONFIG on bad params', () => {
    expect(code(() => createCapacityPlanner({ gpu: 'tpu-v9' }).plan(rows))).toBe('INVALID_CONFIG');
    expect(code(() => createCapacityPlanner({ gpuu: 'a100' }))).toBe('INVALID_CONFIG');
    expect(code(() => createCapacityPlanner({ policy: { risk: { high_exceedance: 2 } } }))).toBe(
      'INVALID_CONFIG',
    );
    expect(code(() => createCapacityPlanner({ policy: { hpa: { gpus_per_replica: 0 } } }))).toBe(
      'INVALID_CONFIG',
    );
    expect(code(() => createCapacityPlanner({ cost: { capacity_bufer: 1.2 } }).plan(rows))).toBe(
      'INVALID_CONFIG',
    );
  });

  it('fits to a plan that saves and loads exactly', async () => {
    const planner = createCapacityPlanner({ gpu: 'b200' });
    const fitted = await planner.fit({ scenarios: rows });
    const saved = JSON.parse(JSON.stringify(fitted.toJSON()));
    expect(saved).toMatchObject({ schemaVersion: 1, stage: 'capacity', name: CAPACITY_PLANNER_NAME });
    const loaded = capacityPlugin.load(saved);
    expect(loaded.plan).toEqual(JSON.parse(JSON.stringify(fitted.plan)));
    expect(loaded.toJSON()).toEqual(saved);
  });

  it('refuses a damaged saved plan and an aborted fit', async () => {
    const saved = (await createCapacityPlanner().fit({ scenarios: rows })).toJSON();
    expect(code(() => capacityPlugin.load({ ...saved, name: '@other#x' }))).toBe('INCOMPATIBLE_MODEL');
    expect(code(() => capacityPlugin.load({ ...saved, state: { plan: { requirements: 'x' } } }))).toBe(
      'INCOMPATIBLE_MODEL',
    );
    const controller = new AbortController();
    controller.abort();
    await expect(
      createCapacityPlanner().fit({ scenarios: rows }, { signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });
});
