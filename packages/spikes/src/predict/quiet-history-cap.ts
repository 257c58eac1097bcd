import type { FeatureMatrix } from '@cdf/features';
import { capColumns } from './cap-columns.ts';

/** The spike-history feature the cap applies to (hours since the last anomalous point). */
export const HOURS_SINCE_FEATURE = 'hours_since_anomaly';

/**
 * The design matrix with `hours_since_anomaly` capped at `capHours` (other columns shared, not
 * copied). A long quiet stretch is rare in a history of spikes every few days, and every one the
 * model can learn from ended in a spike (that is what ends it); with the feature's own 30-day
 * cap a tree fits a hazard rising with quiet time and horizon to those few stretches, and a quiet
 * forecast window gets probabilities of 0.5-0.9. Pooling every stretch longer than the cap
 * leaves the model the base rate there. Without the column the matrix is returned unchanged.
 */
export function capHoursSinceAnomaly(matrix: FeatureMatrix, capHours: number): FeatureMatrix {
  return capColumns(matrix, (name) => name === HOURS_SINCE_FEATURE, capHours);
}
