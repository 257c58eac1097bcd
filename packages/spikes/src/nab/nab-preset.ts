import type { Series } from '@cdf/core';

/**
 * The demand ensemble's one configuration for the whole NAB corpus (both directions, raw values,
 * a short level window, the exponential residual scale). The NAB profile proper is the change detector (`scoreChanges` with its
 * defaults); this preset is what the ensemble scores there, for comparison.
 */
export const NAB_ENSEMBLE_PARAMS = {
  direction: 'both',
  transform: 'none',
  warmup: '1d',
  levelWindow: '2h',
  scaleHalfLife: '2d',
  // The residual scale, its floor and the outlier admission as they were when the preset was tuned.
  scaleWindow: null,
  minRelativeScale: 0.005,
  admitOutliers: 1,
  scoreHalvingDecades: 50,
} as const;

/** With the NAB ensemble preset, repeats of an alarm within this window are suppressed (`suppressRepeats`). */
export const NAB_SUPPRESS = '1d';

/**
 * A NAB file as a `Series`: the step is the median spacing of its timestamps (at least 1 s).
 * NAB scores rows in file order; the few files that skip or repeat timestamps are kept as they
 * are, which the row-by-row detectors do not mind.
 */
export function nabSeries(id: string, timestamps: Float64Array, values: Float64Array): Series {
  const diffs = Array.from(timestamps.subarray(1), (t, i) => t - timestamps[i]!).sort((a, b) => a - b);
  const stepMs = Math.max(1000, diffs[diffs.length >> 1] ?? 300_000);
  return {
    id,
    target: 'value',
    stepMs,
    timestamps,
    values,
    filled: new Uint8Array(values.length),
    columns: { value: values },
    timeZone: 'UTC',
  };
}
