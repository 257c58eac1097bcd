import { HOUR_MS, type PlannedEvent, type Series, WEEK_MS } from '@cdf/core';
import { buildDirectMatrix, type FeatureMatrix, FUTURE_PREFIX, featureColumn } from '@cdf/features';
import { capSpikeFeatures } from './feature-caps.ts';
import { robustBaseline } from './robust-baseline.ts';
import { selectRows } from './scale-free-features.ts';
import { spikeModelFeatures } from './spike-model-features.ts';
import type { SpikePredictorParams } from './spike-predictor-params.ts';

/** The design column holding the planned-event multiplier at the target hour. */
export const FUTURE_PLAN_FEATURE = `${FUTURE_PREFIX}event_multiplier`;

/** The rows the two models learn from. */
export interface SpikeTrainingSet {
  /** Classifier rows whose target time is before the first holdout origin. */
  fit: { matrix: FeatureMatrix; label: Float64Array };
  /** Classifier rows from the holdout origins (the latest `holdoutFraction`): calibration only. */
  holdout: { matrix: FeatureMatrix; label: Float64Array };
  /** Spike rows (label 1) of every origin, with `log(value / robust baseline)` at the target. */
  magnitude: { matrix: FeatureMatrix; logRatio: Float64Array };
  /** Epoch ms of the first holdout origin. */
  holdoutStart: number;
}

/**
 * Build the direct (origin, horizon) rows and split them in time: the classifier learns
 * `anomalies[t + h]` from rows whose target time precedes the first holdout origin (so nothing
 * it is calibrated on leaks into it); the holdout rows are the latest origins. The magnitude
 * regressor learns the log ratio of the value at spike targets to the robust baseline there.
 * `hours_since_anomaly` is capped at `params.hoursSinceCap` and the planned-event distances at
 * `params.plannedDistanceCap`, as at predict time. With
 * `params.plannedHours` `skip`, rows whose target hour is inside a planned event (its planned
 * multiplier is not 1) are left out of all three.
 */
export function buildSpikeTrainingSet(
  series: Series,
  anomalies: Uint8Array,
  plannedEvents: readonly PlannedEvent[],
  horizons: readonly number[],
  params: SpikePredictorParams,
): SpikeTrainingSet {
  const direct = buildDirectMatrix(series, {
    horizons,
    origins: { stride: params.originStride },
    plannedEvents,
    anomalies,
    maxRows: params.maxRows,
  });
  const matrix = capSpikeFeatures(spikeModelFeatures(direct.matrix, params.leftOutFeatures), params);
  const season = Math.max(1, Math.round(WEEK_MS / series.stepMs));
  const baseline = robustBaseline(series.values, anomalies, series.filled, season);

  const origins = matrix.origins;
  const distinct = [...new Set(origins)];
  const cutIndex = Math.min(distinct.length - 1, Math.floor(distinct.length * (1 - params.holdoutFraction)));
  const holdoutOrigin = distinct[Math.max(0, cutIndex)] ?? 0;

  // the direct matrix always carries the planned multiplier of the target hour; featureColumn throws if not
  const planned = params.plannedHours === 'skip' ? featureColumn(matrix, FUTURE_PLAN_FEATURE) : undefined;
  const fitRows: number[] = [];
  const holdoutRows: number[] = [];
  const spikeRows: number[] = [];
  const spikeTargets: number[] = [];
  for (let r = 0; r < matrix.rows; r++) {
    if (direct.usable[r] === 0) continue;
    if (planned !== undefined && planned[r] !== 1) continue;
    const t = origins[r]!;
    const at = t + direct.horizon[r]!;
    if (t >= holdoutOrigin) holdoutRows.push(r);
    else if (at < holdoutOrigin) fitRows.push(r);
    if (anomalies[at] === 1) {
      const b = baseline[at]!;
      const v = series.values[at]!;
      if (b > 0 && v > 0) {
        spikeRows.push(r);
        spikeTargets.push(Math.log(v / b));
      }
    }
  }
  const labelOf = (rows: number[]) =>
    Float64Array.from(rows, (r) => anomalies[origins[r]! + direct.horizon[r]!]!);
  return {
    fit: { matrix: selectRows(matrix, Int32Array.from(fitRows)), label: labelOf(fitRows) },
    holdout: { matrix: selectRows(matrix, Int32Array.from(holdoutRows)), label: labelOf(holdoutRows) },
    magnitude: {
      matrix: selectRows(matrix, Int32Array.from(spikeRows)),
      logRatio: Float64Array.from(spikeTargets),
    },
    holdoutStart: series.timestamps[holdoutOrigin] ?? series.timestamps[0]! + HOUR_MS,
  };
}
