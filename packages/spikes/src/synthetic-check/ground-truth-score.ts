import { SPIKE_TYPES, type SpikeEvent, type SpikeType } from '@cdf/core';

/** How a detection compares with ground-truth events: point and event level, per spike type. */
export interface GroundTruthScore {
  /** Point precision: flagged points inside a true event / flagged points. */
  pointPrecision: number;
  /** Point recall: true-event points flagged / true-event points. */
  pointRecall: number;
  /** Flagged points outside true events / points outside true events. */
  falsePositiveRate: number;
  /** Per type: true events with at least one flagged point / true events. */
  eventRecall: Record<SpikeType, { detected: number; total: number; recall: number }>;
  /** Detected events that overlap a true event, typed as it / detected events overlapping a true event. */
  typeAccuracy: number;
  /** Detected events that overlap a true event. */
  matchedEvents: number;
  /** Detected events overlapping no true event. */
  unmatchedEvents: number;
}

/**
 * Score a detection against ground truth (the synthetic generator's events): `timestamps` and
 * `isAnomaly` per point, `detected` the detector's typed events, `truth` the true ones.
 */
export function scoreAgainstTruth(
  timestamps: Float64Array,
  isAnomaly: Uint8Array,
  detected: readonly SpikeEvent[],
  truth: readonly SpikeEvent[],
): GroundTruthScore {
  const n = timestamps.length;
  const inTruth = new Uint8Array(n);
  const eventRecall = Object.fromEntries(
    SPIKE_TYPES.map((t) => [t, { detected: 0, total: 0, recall: 0 }]),
  ) as GroundTruthScore['eventRecall'];
  for (const e of truth) {
    const entry = eventRecall[e.type];
    entry.total++;
    let hit = false;
    for (let i = 0; i < n; i++) {
      const t = timestamps[i]!;
      if (t < e.start || t > e.end) continue;
      inTruth[i] = 1;
      if (isAnomaly[i]) hit = true;
    }
    if (hit) entry.detected++;
  }
  for (const t of SPIKE_TYPES) {
    const entry = eventRecall[t];
    entry.recall = entry.total === 0 ? 1 : entry.detected / entry.total;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < n; i++) {
    if (isAnomaly[i] && inTruth[i]) tp++;
    else if (isAnomaly[i]) fp++;
    else if (inTruth[i]) fn++;
    else tn++;
  }
  let matched = 0;
  let correct = 0;
  for (const d of detected) {
    let best: SpikeEvent | undefined;
    let bestOverlap = 0;
    for (const e of truth) {
      const overlap = Math.min(d.end, e.end) - Math.max(d.start, e.start);
      if (overlap >= 0 && (best === undefined || overlap > bestOverlap)) {
        best = e;
        bestOverlap = overlap;
      }
    }
    if (best === undefined) continue;
    matched++;
    if (best.type === d.type) correct++;
  }
  return {
    pointPrecision: tp + fp === 0 ? 0 : tp / (tp + fp),
    pointRecall: tp + fn === 0 ? 0 : tp / (tp + fn),
    falsePositiveRate: fp + tn === 0 ? 0 : fp / (fp + tn),
    eventRecall,
    typeAccuracy: matched === 0 ? 0 : correct / matched,
    matchedEvents: matched,
    unmatchedEvents: detected.length - matched,
  };
}
