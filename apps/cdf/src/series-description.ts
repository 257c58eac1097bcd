import type { Series } from '@cdf/core';

/** What a person wants to know about a regular series at a glance. */
export interface SeriesDescription {
  /** Points after regularisation (filled gaps included). */
  points: number;
  /** First and last timestamp, epoch ms (NaN when empty). */
  start: number;
  end: number;
  /** The fixed step, ms. */
  stepMs: number;
  /** Smallest and largest observed target value (filled points excluded; NaN when none). */
  min: number;
  max: number;
  /** Points that were missing and filled. */
  filledPoints: number;
  /** Runs of consecutive filled points: the number of gaps. */
  gaps: number;
}

/** Describe one series: size, span, step, demand range and gaps. */
export function describeSeries(series: Series): SeriesDescription {
  const n = series.timestamps.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let filledPoints = 0;
  let gaps = 0;
  for (let i = 0; i < n; i++) {
    if (series.filled[i] === 1) {
      filledPoints++;
      if (i === 0 || series.filled[i - 1] !== 1) gaps++;
      continue;
    }
    const v = series.values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return {
    points: n,
    start: n > 0 ? series.timestamps[0]! : Number.NaN,
    end: n > 0 ? series.timestamps[n - 1]! : Number.NaN,
    stepMs: series.stepMs,
    min: Number.isFinite(min) ? min : Number.NaN,
    max: Number.isFinite(max) ? max : Number.NaN,
    filledPoints,
    gaps,
  };
}
