import type { SpikeEvent, SpikeType } from '@cdf/core';

/** The verdicts of a detector on a series at one sensitivity: one entry per point, and the events. */
export interface Detection {
  /** Sensitivity 0..1 the verdicts are for. */
  sensitivity: number;
  /** Score threshold used: `1 - sensitivity`. */
  threshold: number;
  timestamps: Float64Array;
  values: Float64Array;
  /** Robust expected value per point. */
  expected: Float64Array;
  /** Calibrated 0..1 score per point (0 on filled, missing and warm-up points). */
  scores: Float64Array;
  /** 1 where the point is anomalous. */
  isAnomaly: Uint8Array;
  /** Per point, the detectors that fired, `+`-joined ('' when none). */
  detectors: string[];
  /** Per point, the type of the spike it belongs to ('' when not anomalous). */
  spikeTypes: (SpikeType | '')[];
  /** Contiguous anomalous time as typed spike events, in time order. */
  events: SpikeEvent[];
}
