import {
  type CostModel,
  type GpuProfile,
  median,
  type PrewarmWindow,
  type RequirementFrame,
  type ScalingPolicy,
  type ScenarioRow,
} from '@cdf/core';
import { z } from 'zod';
import { type Horizon, totalsByTimestamp } from './horizon.ts';
import type { SpikeRun } from './prewarm-windows.ts';

/** Auto-scaling parameters; those left out are derived from the forecast (see {@link deriveScalingPolicy}). */
export const ScalingParamsSchema = z.strictObject({
  /** Scale up when utilization stays above this (0..1); derived when absent. */
  scale_up_threshold: z.number().gt(0).max(1).optional(),
  /** Scale down when utilization stays below this (0..1); derived when absent. */
  scale_down_threshold: z.number().gt(0).max(1).optional(),
  /** Seconds between scale-ups: GPU nodes take minutes to join, so react fast. */
  scale_up_cooldown_seconds: z.number().int().nonnegative().default(60),
  /** Seconds utilization must stay low before scaling down; derived when absent. */
  scale_down_cooldown_seconds: z.number().int().nonnegative().optional(),
  /** The smallest max scale factor the policy allows. */
  min_scale_factor: z.number().min(1).default(1.5),
  /** The largest max scale factor the policy allows (bigger jumps are pre-warmed instead). */
  max_scale_factor: z.number().min(1).default(10),
  /** Never go below this many GPUs. */
  min_gpus_floor: z.number().int().nonnegative().default(1),
});
/** Parsed scaling parameters. */
export type ScalingParams = z.output<typeof ScalingParamsSchema>;

const SCALE_DOWN_COOLDOWN_DEFAULT = 600;
const SCALE_DOWN_COOLDOWN_MIN = 300;
/** The Kubernetes HPA's longest stabilization window. */
const SCALE_DOWN_COOLDOWN_MAX = 3600;

/**
 * Derive an auto-scaling policy from the forecast. Per timestamp, GPUs are summed over series.
 * - `min_gpus` = max(`min_gpus_floor`, fewest baseline-tier GPUs at any step);
 *   `max_gpus` = most burst-ready GPUs at any step, or the largest pre-warm window if bigger.
 * - `target_utilization` = the cost model's utilization target.
 * - `scale_up_threshold` = the median over steps of `max(p95, expected) / (recommended GPUs x tflops)`
 *   (the utilization at which demand has reached what the recommended tier was sized for),
 *   clamped to [utilization_target, utilization_warning].
 * - `scale_down_threshold` = the median of `baseline / (recommended GPUs x tflops)` (demand back
 *   at baseline while the spike capacity is still held), clamped to [0.05, min(target, up) - 0.05].
 * - `scale_down_cooldown_seconds` = the median length of the predicted spike runs, clamped to
 *   [300, 3600] s, so a spike that dips briefly keeps its GPUs; 600 s when no spike is predicted.
 * - `max_scale_factor` = the largest step-over-step growth of the recommended tier, rounded up to
 *   0.1 and clamped to [`min_scale_factor`, `max_scale_factor`].
 */
export function deriveScalingPolicy(
  scenarios: readonly ScenarioRow[],
  requirements: RequirementFrame,
  horizon: Horizon,
  gpu: Pick<GpuProfile, 'tflops'>,
  cost: Pick<CostModel, 'utilization_target' | 'utilization_warning'>,
  spikeRuns: readonly SpikeRun[],
  prewarm: readonly PrewarmWindow[],
  params: ScalingParams,
): ScalingPolicy {
  const baseline = totalsByTimestamp(horizon, requirements, (i) => requirements[i]?.baseline_gpus ?? 0);
  const recommended = totalsByTimestamp(horizon, requirements, (i) => requirements[i]?.recommended_gpus ?? 0);
  const burst = totalsByTimestamp(horizon, requirements, (i) => requirements[i]?.burst_ready_gpus ?? 0);
  const minGpus = Math.max(
    params.min_gpus_floor,
    baseline.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY),
  );
  const maxGpus = [...burst, ...prewarm.map((w) => w.gpus)].reduce((a, b) => Math.max(a, b), minGpus);

  const upRatios: number[] = [];
  const downRatios: number[] = [];
  scenarios.forEach((row, i) => {
    const provisioned = (requirements[i]?.recommended_gpus ?? 0) * gpu.tflops;
    if (provisioned <= 0) return;
    upRatios.push(Math.max(row.p95, row.expected_value) / provisioned);
    downRatios.push(row.baseline / provisioned);
  });
  const target = cost.utilization_target;
  const up =
    params.scale_up_threshold ??
    clamp(medianOf(upRatios) ?? (target + cost.utilization_warning) / 2, target, cost.utilization_warning);
  const down =
    params.scale_down_threshold ??
    clamp(medianOf(downRatios) ?? target / 2, 0.05, Math.min(target, up) - 0.05);

  const runSeconds = spikeRuns.map((r) => (r.last - r.first + 1) * horizon.stepHours * 3600);
  const runMedian = medianOf(runSeconds);
  const downCooldown =
    params.scale_down_cooldown_seconds ??
    (runMedian === undefined
      ? SCALE_DOWN_COOLDOWN_DEFAULT
      : Math.round(clamp(runMedian, SCALE_DOWN_COOLDOWN_MIN, SCALE_DOWN_COOLDOWN_MAX)));

  let growth = 1;
  for (let j = 1; j < recommended.length; j++) {
    growth = Math.max(growth, (recommended[j] ?? 0) / Math.max(1, recommended[j - 1] ?? 0));
  }
  const factor = clamp(Math.ceil(growth * 10 - 1e-9) / 10, params.min_scale_factor, params.max_scale_factor);

  return {
    min_gpus: minGpus,
    max_gpus: maxGpus,
    target_utilization: target,
    scale_up_threshold: round(up, 4),
    scale_down_threshold: round(down, 4),
    scale_up_cooldown_seconds: params.scale_up_cooldown_seconds,
    scale_down_cooldown_seconds: downCooldown,
    max_scale_factor: factor,
    prewarm: [...prewarm],
  };
}

/** The median of `values`, undefined when there are none. */
function medianOf(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : median(values);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), Math.max(lo, hi));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
