import type { FeatureMatrix } from '@cdf/features';
import { capPlannedDistance } from './planned-distance-cap.ts';
import { capHoursSinceAnomaly } from './quiet-history-cap.ts';
import type { SpikePredictorParams } from './spike-predictor-params.ts';

/**
 * The caps the spike models see their features with, at fit and at predict time alike:
 * `hours_since_anomaly` at `hoursSinceCap` ({@link capHoursSinceAnomaly}) and the distances to a
 * planned start at `plannedDistanceCap` ({@link capPlannedDistance}).
 */
export function capSpikeFeatures(
  matrix: FeatureMatrix,
  params: Pick<SpikePredictorParams, 'hoursSinceCap' | 'plannedDistanceCap'>,
): FeatureMatrix {
  return capPlannedDistance(capHoursSinceAnomaly(matrix, params.hoursSinceCap), params.plannedDistanceCap);
}
