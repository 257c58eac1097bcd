/**
 * How tail probabilities become the one 0..1 score. Each detector gives the probability, under
 * ordinary behaviour, of a value at least as extreme as the one seen. The ensemble takes the
 * smallest and multiplies it by the number of detectors (Bonferroni: the chance that any of `D`
 * detectors sees something that extreme is at most `D` times the smallest), then maps it to
 * `-log10(p) / SCORE_DECADES`, capped to 0..1. A score of 0.5 is a 1-in-100,000 event, 0.3 a
 * 1-in-1,000 event, under the null model of each detector.
 */
export const SCORE_DECADES = 10;

/** The 0..1 score of a tail probability: `min(1, -log10(p) / SCORE_DECADES)`, 0 for p >= 1. */
export function scoreOfTail(p: number): number {
  if (!(p < 1)) return 0;
  if (p <= 0) return 1;
  return Math.min(1, -Math.log10(p) / SCORE_DECADES);
}

/** The tail probability of a score threshold: the inverse of {@link scoreOfTail}. */
export function tailOfScore(score: number): number {
  return 10 ** (-score * SCORE_DECADES);
}

/** Bonferroni-combined tail probability of several detectors' tail probabilities. */
export function combineTails(tails: readonly number[]): number {
  let min = 1;
  for (const p of tails) if (p < min) min = p;
  return Math.min(1, min * tails.length);
}

/**
 * The score threshold of a sensitivity in 0..1: a point is anomalous when its score is at least
 * `1 - sensitivity`. Sensitivity 0.5 (default) flags 1-in-100,000 events; 0.7 flags 1-in-1,000.
 * Raising the sensitivity lowers the threshold, so it never flags fewer points.
 */
export function thresholdOfSensitivity(sensitivity: number): number {
  return 1 - sensitivity;
}
