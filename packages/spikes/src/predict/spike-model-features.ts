import { type FeatureMatrix, SEASON_OF_YEAR_FEATURE_NAMES, withoutFeatures } from '@cdf/features';
import { originAndTarget } from './origin-and-target.ts';
import { scaleFreeFeatures } from './scale-free-features.ts';

/**
 * The month of the year (of the origin and of the target hour). With one or two years of history
 * a tree learns from them only on which dates last year's spikes fell, and predicts them again:
 * on @cdf/data's generator (seed 5, a quiet December), the probability rose from the base rate
 * 0.12 to 0.36-0.53 at horizons past 84 h because a viral event and a launch had fallen in the
 * December before. Without them: 0.11 at every horizon. On the time-ordered evaluation (synthetic
 * seeds 3, 7, 11, 19, 2024) AUC at h <= 24 rose on four seeds (0.879 -> 0.915 on seed 7) and fell
 * 0.003 on one; see the package README.
 */
export const SEASON_OF_YEAR_FEATURES: ReadonlySet<string> = new Set(SEASON_OF_YEAR_FEATURE_NAMES);

/**
 * The day of the week (of the origin and of the target hour). Not left out by default; add it to
 * `leftOutFeatures` to try. A history holds a few dozen unannounced spikes, each hours to days
 * long, so a tree can learn which weekdays the history's spikes happened to cover, the way it
 * learnt the month; measured 2026-11-29 it helped some seed groups and cost others (package
 * README, "Leaving out the weekday or the 30-day spike count").
 */
export const WEEKDAY_FEATURES: ReadonlySet<string> = new Set(originAndTarget(['dow_sin', 'dow_cos']));

/**
 * The count of spike points in the last 30 days. Not left out by default. Past
 * `hoursSinceCap` it tells how long a quiet stretch has gone on (0: a month without a spike, the
 * hazard the cap pools; on synthetic seed 414 it made 92 of the 96 hours 4-7 days out of a quiet
 * month 0.5 to 1.0, none a spike), but it also tells that an unannounced launch has been under
 * way for more than a week: without it, `cdf forecast` without planned launches lost on the
 * bench's seed 11 (P50 MAPE 13.4 -> 15.1%). See the package README.
 */
export const SPIKE_MONTH_FEATURES: ReadonlySet<string> = new Set(['anomalies_30d']);

/** What the spike models leave out by default (`leftOutFeatures`): {@link SEASON_OF_YEAR_FEATURES}. */
export const DEFAULT_LEFT_OUT_FEATURES: readonly string[] = [...SEASON_OF_YEAR_FEATURES];

/**
 * The design matrix as the spike models see it, at fit and at predict time alike: without the
 * `leftOut` columns (default {@link DEFAULT_LEFT_OUT_FEATURES}), then level-free
 * ({@link scaleFreeFeatures}).
 */
export function spikeModelFeatures(
  matrix: FeatureMatrix,
  leftOut: readonly string[] = DEFAULT_LEFT_OUT_FEATURES,
): FeatureMatrix {
  return scaleFreeFeatures(withoutFeatures(matrix, leftOut));
}
