/**
 * Spike predictor settings small enough for a unit test to fit in seconds (48 h horizons, every
 * 5th origin, 60 trees per model, one thread), on 240 days of synthetic hourly demand.
 */
export const SMALL_PREDICTOR_SETTINGS = {
  horizons: 48,
  originStride: 5,
  seed: 1,
  parallel: false,
  classifier: { iterations: 60 },
  magnitude: { iterations: 60 },
} as const;
