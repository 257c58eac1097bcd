import {
  type CostModel,
  type GpuProfile,
  MINUTE_MS,
  type PlannedEvent,
  type PrewarmWindow,
  plannedEventEnd,
  plannedEventMultiplier,
  type RequirementFrame,
  type ScenarioRow,
} from '@cdf/core';
import { z } from 'zod';
import { gpusFor } from './gpu-count.ts';
import type { Horizon } from './horizon.ts';
import { totalsByTimestamp } from './horizon.ts';

/** When to pre-warm and how early. */
export const PrewarmParamsSchema = z.strictObject({
  /** A step is a predicted spike when its spike_probability is at least this (any series). */
  spike_probability_threshold: z.number().min(0).max(1).default(0.5),
  /** Minutes before a predicted spike or a planned launch to have the GPUs up. */
  lead_minutes: z.number().nonnegative().default(60),
});
/** Parsed pre-warm parameters. */
export type PrewarmParams = z.output<typeof PrewarmParamsSchema>;

/** A run of consecutive steps predicted to be in a spike. */
export interface SpikeRun {
  /** Index of the first and last timestamp of the run in `horizon.timestamps`. */
  readonly first: number;
  readonly last: number;
  /** The highest spike probability in the run. */
  readonly peakProbability: number;
}

/** Runs of consecutive timestamps whose spike probability (highest over series) reaches the threshold. */
export function predictedSpikeRuns(
  scenarios: readonly ScenarioRow[],
  horizon: Horizon,
  threshold: number,
): SpikeRun[] {
  const probability = new Array<number>(horizon.timestamps.length).fill(0);
  const index = new Map(horizon.timestamps.map((t, i) => [t, i] as const));
  for (const row of scenarios) {
    const i = index.get(row.timestamp);
    if (i !== undefined) probability[i] = Math.max(probability[i] ?? 0, row.spike_probability);
  }
  const runs: SpikeRun[] = [];
  let open: { first: number; last: number; peakProbability: number } | undefined;
  probability.forEach((p, i) => {
    const contiguous =
      open && (horizon.timestamps[i] ?? 0) - (horizon.timestamps[open.last] ?? 0) === horizon.stepMs;
    if (p >= threshold && threshold > 0) {
      if (open && contiguous) {
        open.last = i;
        open.peakProbability = Math.max(open.peakProbability, p);
      } else {
        if (open) runs.push(open);
        open = { first: i, last: i, peakProbability: p };
      }
    } else if (open) {
      runs.push(open);
      open = undefined;
    }
  });
  if (open) runs.push(open);
  return runs;
}

/**
 * Pre-warm windows, sorted by start:
 * - for each run of predicted spike steps: from `lead_minutes` before the run to its end, holding
 *   the most recommended GPUs of the run;
 * - for each planned event that starts before the horizon ends and ends after it starts: from
 *   `lead_minutes` before its start to its end, holding the most of, over its steps, the
 *   recommended GPUs and `ceil(baseline x event multiplier x buffer / tflops)`. The second term
 *   guards against a forecast made without the event; where the forecast includes it, the first
 *   term covers it.
 */
export function findPrewarmWindows(
  scenarios: readonly ScenarioRow[],
  requirements: RequirementFrame,
  horizon: Horizon,
  gpu: Pick<GpuProfile, 'tflops'>,
  cost: Pick<CostModel, 'capacity_buffer'>,
  plannedEvents: readonly PlannedEvent[],
  params: PrewarmParams,
): PrewarmWindow[] {
  const lead = params.lead_minutes * MINUTE_MS;
  const recommended = totalsByTimestamp(horizon, requirements, (i) => requirements[i]?.recommended_gpus ?? 0);
  const windows: PrewarmWindow[] = [];
  for (const run of predictedSpikeRuns(scenarios, horizon, params.spike_probability_threshold)) {
    const start = horizon.timestamps[run.first] ?? horizon.start;
    const end = (horizon.timestamps[run.last] ?? horizon.start) + horizon.stepMs;
    const steps = run.last - run.first + 1;
    windows.push({
      start: start - lead,
      end,
      gpus: recommended.slice(run.first, run.last + 1).reduce((a, b) => Math.max(a, b), 0),
      reason: `predicted spike: probability up to ${run.peakProbability.toFixed(2)} for ${formatHours(steps * horizon.stepHours)}`,
    });
  }
  for (const event of plannedEvents) {
    const eventEnd = plannedEventEnd(event);
    if (event.start >= horizon.end || eventEnd <= horizon.start) continue;
    let gpus = 0;
    horizon.timestamps.forEach((t, j) => {
      if (t + horizon.stepMs <= event.start || t >= eventEnd) return;
      const at = Math.max(t, event.start);
      const multiplier = plannedEventMultiplier(event, at);
      let scaled = 0;
      scenarios.forEach((row) => {
        if (row.timestamp === t)
          scaled += gpusFor(row.baseline * multiplier * cost.capacity_buffer, gpu.tflops);
      });
      gpus = Math.max(gpus, recommended[j] ?? 0, scaled);
    });
    windows.push({
      start: event.start - lead,
      end: eventEnd,
      gpus,
      reason: `planned launch: ${event.name} (up to ${event.expected_multiplier}x for ${formatHours(event.expected_duration_hours)})`,
    });
  }
  return windows.sort((a, b) => a.start - b.start || a.reason.localeCompare(b.reason));
}

function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}
