import type { ScenarioRow } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { planCapacity } from './plan-capacity.ts';

const t0 = Date.UTC(2025, 2, 3);
const HOUR = 3_600_000;
/** 12 flat hours at 1,000 TFLOPS with a predicted spike in hours 5-7 (P95 and P99 x3). */
const frame: ScenarioRow[] = Array.from({ length: 12 }, (_, i) => {
  const spike = i >= 5 && i <= 7;
  const m = spike ? 3 : 1;
  return {
    timestamp: t0 + i * HOUR,
    baseline: 1000,
    expected_value: spike ? 2000 : 1000,
    spike_probability: spike ? 0.8 : 0.05,
    p50: 1000,
    p75: 1000 * (spike ? 2 : 1.05),
    p90: 1000 * (spike ? 2.5 : 1.1),
    p95: 1000 * m * 1.15,
    p99: 1000 * m * 1.3,
  };
});

describe('deriveScalingPolicy (through planCapacity)', () => {
  const plan = planCapacity(frame);
  const p = plan.scalingPolicy;

  it('bounds the GPUs by the baseline floor and the burst-ready peak', () => {
    // baseline 1000 / 218.4 -> 5 GPUs; burst 3 x 1300 x 1.3 = 5070 / 312 -> 17
    expect(p.min_gpus).toBe(5);
    expect(p.max_gpus).toBe(17);
    expect(p.target_utilization).toBe(0.7);
  });

  it('derives the scale factor from the steepest growth of the recommended tier', () => {
    // recommended 1150 x 1.3 = 1495 -> 5 GPUs, then 3450 x 1.3 = 4485 -> 15 GPUs: growth 3x
    expect(plan.requirements[4]?.recommended_gpus).toBe(5);
    expect(plan.requirements[5]?.recommended_gpus).toBe(15);
    expect(p.max_scale_factor).toBe(3);
  });

  it('derives thresholds inside [target, warning] and below it', () => {
    expect(p.scale_up_threshold).toBeGreaterThanOrEqual(0.7);
    expect(p.scale_up_threshold).toBeLessThanOrEqual(0.85);
    expect(p.scale_down_threshold).toBeLessThan(p.scale_up_threshold);
    // median of baseline / provisioned: 1000 / (5 x 312) = 0.641 in 9 of 12 hours, inside [0.05, 0.65]
    expect(p.scale_down_threshold).toBeCloseTo(1000 / (5 * 312), 4);
  });

  it('holds GPUs through a predicted spike: scale-down waits the spike length (3 h, capped at 1 h)', () => {
    expect(p.scale_down_cooldown_seconds).toBe(3600);
    expect(
      planCapacity(frame.map((r) => ({ ...r, spike_probability: 0 }))).scalingPolicy
        .scale_down_cooldown_seconds,
    ).toBe(600);
  });

  it('pre-warms ahead of the predicted spike and a planned launch, with the lead time', () => {
    const withLaunch = planCapacity(frame, {
      plannedEvents: [
        {
          date: new Date(t0 + 9 * HOUR).toISOString(),
          name: 'v2',
          expected_multiplier: 4,
          expected_duration_hours: 2,
        },
      ],
      policy: { prewarm: { lead_minutes: 30 } },
    });
    expect(withLaunch.scalingPolicy.prewarm).toEqual([
      {
        start: t0 + 5 * HOUR - 30 * 60_000,
        end: t0 + 8 * HOUR,
        gpus: 15,
        reason: 'predicted spike: probability up to 0.80 for 3 h',
      },
      // baseline 1000 x multiplier x 1.3: ramp 1 h reaches 4x at once -> 5200 / 312 -> 17 GPUs
      {
        start: t0 + 9 * HOUR - 30 * 60_000,
        end: t0 + 11 * HOUR,
        gpus: 17,
        reason: 'planned launch: v2 (up to 4x for 2 h)',
      },
    ]);
  });

  it('leaves out launches outside the horizon and honours explicit parameters', () => {
    const later = planCapacity(frame, {
      plannedEvents: [
        { start: t0 + 48 * HOUR, name: 'later', expected_multiplier: 2, expected_duration_hours: 2 },
      ],
      policy: {
        scaling: { scale_up_threshold: 0.9, scale_down_threshold: 0.4, scale_down_cooldown_seconds: 120 },
      },
    });
    expect(later.scalingPolicy.prewarm.map((w) => w.reason)).toEqual([
      'predicted spike: probability up to 0.80 for 3 h',
    ]);
    expect(later.scalingPolicy.scale_up_threshold).toBe(0.9);
    expect(later.scalingPolicy.scale_down_threshold).toBe(0.4);
    expect(later.scalingPolicy.scale_down_cooldown_seconds).toBe(120);
  });
});
