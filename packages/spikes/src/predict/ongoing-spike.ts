import { HOUR_MS, type PlannedEvent, plannedEventsMultiplier, type Series, type SpikeType } from '@cdf/core';
import { durationSteps } from '../detect/detector-params.ts';
import { anomalyRuns, DEFAULT_MERGE_GAP_MS } from '../events/anomaly-runs.ts';
import { lowerBound } from '../kernels/lower-bound.ts';

/** Weight, in runs, of the prior that a spike ends at a constant rate (see {@link ongoingSpikeProbability}). */
const PRIOR_RUNS = 1;

/** The steps a spike mask belongs to: their timestamps, the step, and the planned events. */
export interface SpikeRunContext {
  timestamps: ArrayLike<number>;
  stepMs: number;
  /** Runs inside a planned event are the plan's, not spikes of their own. */
  plannedEvents: readonly PlannedEvent[];
  /**
   * Per step, the type the detector gave the spike it belongs to ('' outside spikes), as
   * `Detection.spikeTypes`. Optional: without it every spike is one kind.
   */
  spikeTypes?: readonly (SpikeType | '')[];
}

/** The {@link SpikeRunContext} of a series' steps, with the detector's types when given. */
export function spikeRunContext(
  series: Series,
  plannedEvents: readonly PlannedEvent[],
  spikeTypes?: readonly (SpikeType | '')[],
): SpikeRunContext {
  return {
    timestamps: series.timestamps,
    stepMs: series.stepMs,
    plannedEvents,
    ...(spikeTypes === undefined ? {} : { spikeTypes }),
  };
}

/** A finished spike of a history: its length in steps and the detector's type ('' if untyped). */
export interface SpikeRun {
  length: number;
  type: SpikeType | '';
}

/** Quiet steps that still join two flagged runs into one spike, as the detector's events do. */
function gapSteps(stepMs: number): number {
  return durationSteps('mergeGap', DEFAULT_MERGE_GAP_MS, stepMs, 0);
}

function inPlan(plannedEvents: readonly PlannedEvent[], t: number | undefined): boolean {
  return t !== undefined && plannedEventsMultiplier(plannedEvents, t) > 1;
}

/**
 * The finished spikes of a mask: flagged runs joined across quiet gaps of at most
 * {@link DEFAULT_MERGE_GAP_MS}, typed by the detector's type at their last step, leaving out the run
 * still open at the last point (its length is not known yet) and runs that start or end inside a
 * planned event.
 */
export function spikeRuns(mask: Uint8Array, context: SpikeRunContext): SpikeRun[] {
  const runs = anomalyRuns(mask, gapSteps(context.stepMs));
  const last = mask.length - 1;
  const out: SpikeRun[] = [];
  for (const run of runs) {
    if (run.end === last) continue;
    const planned =
      inPlan(context.plannedEvents, context.timestamps[run.start]) ||
      inPlan(context.plannedEvents, context.timestamps[run.end]);
    if (!planned) out.push({ length: run.end - run.start + 1, type: context.spikeTypes?.[run.end] ?? '' });
  }
  return out;
}

/**
 * The chance that the spike under way at the last point of `mask` is still under way `h` steps
 * later, for h = 1..`horizon`; null when the last point is not flagged or lies inside a planned
 * event (the plan carries it). It is the survival of the history's finished spikes (`runs`, from
 * {@link spikeRuns}) of the open one's type, given the age `a` it has reached:
 * `p(h) = (#{d >= a + h} + w exp(-h / tau)) / (#{d >= a} + w)`, with one pseudo-run (`w` = 1)
 * that ends at a constant rate over their median length `tau`, so a spike older than any before
 * it fades instead of holding at a fixed share. The type matters: five hours into an abuse burst
 * (they end within hours) is not five hours into a viral event (they last days). Spikes of every
 * type stand in when the open one has no type or none of its type finished before. Causal: it
 * reads the mask up to its last point.
 */
export function ongoingSpikeProbability(
  mask: Uint8Array,
  context: SpikeRunContext,
  runs: readonly SpikeRun[],
  horizon: number,
): Float64Array | null {
  const last = mask.length - 1;
  if (last < 0 || mask[last] !== 1 || inPlan(context.plannedEvents, context.timestamps[last])) return null;
  const open = anomalyRuns(mask, gapSteps(context.stepMs)).at(-1)!;
  const age = open.end - open.start + 1;
  const type = context.spikeTypes?.[last] ?? '';
  const sameType = type === '' ? [] : runs.filter((r) => r.type === type);
  const lengths = (sameType.length > 0 ? sameType : runs).map((r) => r.length).sort((a, b) => a - b);
  const tau =
    lengths.length > 0
      ? Math.max(1, lengths[lengths.length >> 1]!)
      : Math.max(1, (24 * HOUR_MS) / context.stepMs);
  const atRisk = lengths.length - lowerBound(lengths, age);
  const probability = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) {
    const lasting = lengths.length - lowerBound(lengths, age + h);
    probability[h - 1] = (lasting + PRIOR_RUNS * Math.exp(-h / tau)) / (atRisk + PRIOR_RUNS);
  }
  return probability;
}
