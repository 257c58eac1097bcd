import { HOUR_MS } from '@cdf/core';

/**
 * Quiet time that still joins two anomalous runs into one spike event by default (the detector's
 * `mergeGap`; the spike predictor joins runs the same way to measure how long spikes last).
 */
export const DEFAULT_MERGE_GAP_MS = 6 * HOUR_MS;

/** A run of anomalous steps, by index (inclusive). */
export interface AnomalyRun {
  start: number;
  end: number;
}

/**
 * Contiguous anomalous steps as runs, merging runs separated by at most `maxGapSteps` quiet steps
 * (a spike that dips below the threshold for a moment is still one spike).
 */
export function anomalyRuns(isAnomaly: ArrayLike<number | boolean>, maxGapSteps: number): AnomalyRun[] {
  const runs: AnomalyRun[] = [];
  let current: AnomalyRun | null = null;
  for (let i = 0; i < isAnomaly.length; i++) {
    if (!isAnomaly[i]) continue;
    if (current !== null && i - current.end - 1 <= maxGapSteps) current.end = i;
    else {
      current = { start: i, end: i };
      runs.push(current);
    }
  }
  return runs;
}
