import { type FeatureMatrix, FUTURE_PREFIX } from '@cdf/features';
import { scaleFreeFeatures } from './scale-free-features.ts';

/**
 * Features the spike models leave out: the month of the year (of the origin and of the target
 * hour). With one or two years of history a tree learns from them only on which dates last year's
 * spikes fell, and predicts them again: on @cdf/data's generator (seed 5, a quiet December), the
 * probability rose from the base rate 0.12 to 0.36-0.53 at horizons past 84 h because a viral event
 * and a launch had fallen in the December before. Without them: 0.11 at every horizon. On the time-ordered
 * evaluation (synthetic seeds 3, 7, 11, 19, 2024) AUC at h <= 24 rose on four seeds (0.879 -> 0.915
 * on seed 7) and fell 0.003 on one; see the package README.
 */
export const SEASON_OF_YEAR_FEATURES: ReadonlySet<string> = new Set(
  ['month_sin', 'month_cos'].flatMap((name) => [name, FUTURE_PREFIX + name]),
);

/**
 * The design matrix as the spike models see it, at fit and at predict time alike: without
 * {@link SEASON_OF_YEAR_FEATURES}, then level-free ({@link scaleFreeFeatures}).
 */
export function spikeModelFeatures(matrix: FeatureMatrix): FeatureMatrix {
  const keep = matrix.names.flatMap((name, j) => (SEASON_OF_YEAR_FEATURES.has(name) ? [] : [j]));
  if (keep.length === matrix.names.length) return scaleFreeFeatures(matrix);
  return scaleFreeFeatures({
    ...matrix,
    names: keep.map((j) => matrix.names[j]!),
    columns: keep.map((j) => matrix.columns[j]!),
  });
}
