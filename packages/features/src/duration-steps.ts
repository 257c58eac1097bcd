import { formatStep } from '@cdf/core';
import { hoursLabel } from './feature-spec.ts';

/**
 * A duration converted to whole steps of a series, or `undefined` when it is shorter than one
 * step (the feature is dropped). Durations that are not a multiple of the step round to the
 * nearest step. Either event is written to `notes` so a run manifest can say what happened.
 */
export function durationToSteps(
  durationMs: number,
  stepMs: number,
  what: string,
  notes: string[],
): number | undefined {
  if (durationMs < stepMs) {
    notes.push(
      `${what}: ${hoursLabel(durationMs)} is shorter than one step (${formatStep(stepMs)}); dropped`,
    );
    return undefined;
  }
  const steps = Math.round(durationMs / stepMs);
  if (steps * stepMs !== durationMs) {
    notes.push(
      `${what}: ${hoursLabel(durationMs)} is not a whole number of ${formatStep(stepMs)} steps; rounded to ${steps}`,
    );
  }
  return steps;
}
