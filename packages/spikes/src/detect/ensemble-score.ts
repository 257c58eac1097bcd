/**
 * How detectors' tail probabilities become the one 0..1 score.
 *
 * Each detector gives the improbability of what it saw under ordinary behaviour, in decades:
 * `L = -log10 p`, `p` the chance of a value at least this extreme. The ensemble takes the most
 * improbable and corrects it for looking with `D` detectors (Bonferroni: `p_ens = min(1, D min p)`),
 * then maps `L_ens` to `score = 1 - 2^(-L_ens / SCORE_HALVING_DECADES)`: every 5 decades halve the
 * distance to 1. Score 0.5 is a 1-in-100,000 event under the null model, 0.75 1-in-10^10, 0.2
 * about 1-in-25; it never saturates before ~1e-300, so thresholds keep their resolution.
 */
export const SCORE_HALVING_DECADES = 5;

/**
 * The 0..1 score of an improbability in decades (`-log10 p`); 0 for `L <= 0`. `halving` (default
 * {@link SCORE_HALVING_DECADES}) sets the decades that halve the distance to 1.
 */
export function scoreOfDecades(decades: number, halving = SCORE_HALVING_DECADES): number {
  if (!(decades > 0)) return 0;
  return 1 - 2 ** (-decades / halving);
}

/** The improbability (decades) a score stands for: the inverse of {@link scoreOfDecades}. */
export function decadesOfScore(score: number, halving = SCORE_HALVING_DECADES): number {
  if (score <= 0) return 0;
  if (score >= 1) return Number.POSITIVE_INFINITY;
  return -halving * Math.log2(1 - score);
}

/** Bonferroni-combined improbability of `D` detectors' improbabilities (decades): `max L - log10 D`, at least 0. */
export function combineDecades(decades: readonly number[]): number {
  let max = 0;
  for (const d of decades) if (d > max) max = d;
  return Math.max(0, max - Math.log10(decades.length));
}

/**
 * The score threshold of a sensitivity in 0..1: a point is anomalous when its score is at least
 * `1 - sensitivity`. Sensitivity 0.5 (default) flags 1-in-100,000 events; 0.8 about 1-in-25.
 * Raising the sensitivity lowers the threshold, so it never flags fewer points.
 */
export function thresholdOfSensitivity(sensitivity: number): number {
  return 1 - sensitivity;
}
