import {
  CdfError,
  CdfErrorCode,
  type PlannedEvent,
  SAVED_MODEL_SCHEMA_VERSION,
  type SavedModel,
  type Series,
  type SpikeType,
} from '@cdf/core';
import { buildPredictionRows, type FeatureMatrix } from '@cdf/features';
import type { Calibrator, GbdtModel } from '@cdf/gbdt';
import { capSpikeFeatures } from './feature-caps.ts';
import { type HistoryTail, historyTail, saveHistoryTail } from './history-tail.ts';
import { ongoingSpikeProbability, type SpikeRun, spikeRunContext } from './ongoing-spike.ts';
import { spikeModelFeatures } from './spike-model-features.ts';
import type { SpikePredictorParams } from './spike-predictor-params.ts';

/** Registry name written into saved spike predictors. */
export const SPIKE_PREDICTOR_NAME = '@cdf/spikes#gbdt-spike-predictor';

/** A request for spike forecasts. */
export interface SpikePredictRequest {
  /** Steps ahead, 1..the fitted `horizons`. */
  horizon: number;
  /** Planned events of the future; default those given at fit time. */
  plannedEvents?: readonly PlannedEvent[];
  /**
   * Predict from a newer origin without refitting: a series (its last point is the origin), its
   * anomaly mask and, optionally, the detector's spike type per step. Default the end of the
   * training history.
   */
  history?: { series: Series; anomalies: Uint8Array; spikeTypes?: readonly (SpikeType | '')[] };
}

/** Spike forecasts for the steps after the origin. */
export interface SpikeForecast {
  /** Epoch ms of each step `t + 1 .. t + horizon`. */
  timestamps: Float64Array;
  /** Calibrated probability that the step is a spike hour. */
  probability: Float64Array;
  /** Expected demand over the robust baseline if the step is a spike (3 = 3x). */
  magnitude: Float64Array;
}

/** The learned state a {@link FittedSpikePredictor} is made of. */
export interface SpikePredictorParts {
  params: SpikePredictorParams;
  classifier: GbdtModel;
  calibrator: Calibrator;
  /** The magnitude regressor, or null when too few spikes were seen (then `fallbackLogRatio`). */
  magnitude: GbdtModel | null;
  fallbackLogRatio: number;
  tail: HistoryTail;
  plannedEvents: readonly PlannedEvent[];
  /**
   * The finished spikes of the training history outside planned events, with their lengths and
   * types (`spikeRuns`): how long a spike under way at an origin may last. Models saved before
   * they were stored take them from their history tail.
   */
  spikeRuns: readonly SpikeRun[];
  notes: readonly string[];
}

/**
 * A fitted spike predictor: the calibrated spike classifier and the magnitude regressor, with the
 * end of the history it forecasts from. Holds WASM memory: call {@link free} when done.
 */
export class FittedSpikePredictor {
  readonly stage = 'spikes' as const;
  readonly name = SPIKE_PREDICTOR_NAME;
  /** What happened while fitting: rows, calibration, threads, fallbacks. */
  readonly notes: readonly string[];
  readonly #parts: SpikePredictorParts;

  /** Assemble from fitted parts (internal: use `fitSpikePredictor` or `loadSpikePredictor`). */
  constructor(parts: SpikePredictorParts) {
    this.#parts = parts;
    this.notes = parts.notes;
  }

  /** Parameters it was fitted with. */
  get params(): SpikePredictorParams {
    return this.#parts.params;
  }

  /**
   * Spike probability and magnitude for each of the next `horizon` steps. At an origin inside a
   * spike (and outside planned events), each probability is at least the chance that the spike
   * lasts that long (`ongoingSpikes`, see `ongoingSpikeProbability`).
   */
  predict(request: SpikePredictRequest): SpikeForecast {
    const { params } = this.#parts;
    const horizon = request.horizon;
    if (!Number.isInteger(horizon) || horizon < 1 || horizon > params.horizons) {
      throw new CdfError(CdfErrorCode.InvalidConfig, 'spike forecast horizon out of range', {
        column: 'horizon',
        value: String(horizon),
        expected: `an integer in [1, ${params.horizons}] (the fitted horizons)`,
      });
    }
    const tail = request.history
      ? historyTail(request.history.series, request.history.anomalies, request.history.spikeTypes)
      : this.#parts.tail;
    const rows = buildPredictionRows(tail.series, {
      horizons: Array.from({ length: horizon }, (_, k) => k + 1),
      plannedEvents: request.plannedEvents ?? this.#parts.plannedEvents,
      anomalies: tail.anomalies,
    });
    const scored = this.scoreRows(spikeModelFeatures(rows, params.leftOutFeatures));
    if (params.ongoingSpikes) {
      const context = spikeRunContext(
        tail.series,
        request.plannedEvents ?? this.#parts.plannedEvents,
        tail.spikeTypes,
      );
      const lasting = ongoingSpikeProbability(tail.anomalies, context, this.#parts.spikeRuns, horizon);
      if (lasting !== null)
        for (let i = 0; i < horizon; i++)
          scored.probability[i] = Math.max(scored.probability[i]!, lasting[i]!);
    }
    return { timestamps: rows.targetTime, ...scored };
  }

  /**
   * Score design rows built like the training rows (`buildDirectMatrix` or `buildPredictionRows`
   * with the same anomalies, then `spikeModelFeatures` with the fitted `leftOutFeatures`): for
   * evaluation over many origins at once. `hours_since_anomaly` and the planned-event distances
   * are capped here at the fitted `hoursSinceCap` and `plannedDistanceCap`, as they were for
   * training.
   */
  scoreRows(rows: FeatureMatrix): { probability: Float64Array; magnitude: Float64Array } {
    const { classifier, calibrator, magnitude, fallbackLogRatio, params } = this.#parts;
    const matrix = capSpikeFeatures(rows, params);
    const probability = calibrator.predict(classifier.predict(matrix));
    const logRatio = magnitude
      ? magnitude.predict(matrix)
      : new Float64Array(matrix.rows).fill(fallbackLogRatio);
    return { probability, magnitude: logRatio.map(Math.exp) };
  }

  /** The model as a core `SavedModel`; `loadSpikePredictor` restores it exactly. */
  toJSON(): SavedModel {
    const p = this.#parts;
    return {
      schemaVersion: SAVED_MODEL_SCHEMA_VERSION,
      stage: 'spikes',
      name: SPIKE_PREDICTOR_NAME,
      params: { ...p.params },
      state: {
        classifier: p.classifier.toJSON(),
        calibrator: p.calibrator.toJSON(),
        magnitude: p.magnitude ? p.magnitude.toJSON() : null,
        fallbackLogRatio: p.fallbackLogRatio,
        tail: saveHistoryTail(p.tail),
        plannedEvents: p.plannedEvents.map((e) => ({ ...e })),
        spikeRuns: p.spikeRuns.map((r) => ({ ...r })),
        notes: [...p.notes],
      },
    };
  }

  /** Release the models' WASM memory; predicting afterwards throws NOT_FITTED. */
  free(): void {
    this.#parts.classifier.free();
    this.#parts.magnitude?.free();
  }
}
