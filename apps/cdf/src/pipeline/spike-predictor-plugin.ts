import { CdfError, CdfErrorCode, type FitOptions, type SavedModel } from '@cdf/core';
import { type FittedSpikePredictor, fitSpikePredictor, loadSpikePredictor } from '@cdf/spikes';
import type { FittedSpikeModel, SpikeFitInput, SpikeStagePlugin } from './stage-contracts.ts';

/** Registry name of @cdf/spikes' GBDT spike predictor (`spikes.use`). */
export const SPIKE_PREDICTOR_USE = '@cdf/spikes#gbdt-spike-predictor';

function fitted(model: FittedSpikePredictor): FittedSpikeModel {
  return {
    stage: 'spikes',
    name: model.name,
    notes: model.notes,
    predict: (request) => {
      const forecast = model.predict({
        horizon: request.horizon,
        plannedEvents: request.plannedEvents,
        history: request.history,
      });
      return { probability: forecast.probability, magnitude: forecast.magnitude };
    },
    toJSON: () => model.toJSON(),
    free: () => model.free(),
  };
}

/**
 * `@cdf/spikes`' GBDT spike predictor (calibrated P(spike at t + h) and magnitude) as a spike
 * stage plug-in. Params are its `SpikePredictorParamsSchema`'s; `horizons` defaults to the run's
 * horizon, `seed` to the run's seed and `plannedHours` to `skip` (the baseline carries the
 * planned launches, so the model learns the spikes no plan announces); they are validated when it
 * fits.
 */
export const spikePredictorPlugin: SpikeStagePlugin = {
  stage: 'spikes',
  name: SPIKE_PREDICTOR_USE,
  description: 'GBDT spike classifier (isotonic-calibrated) and magnitude regressor, direct over the horizon',
  create(params: unknown = {}) {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new CdfError(CdfErrorCode.InvalidConfig, 'spikes.params must be an object', {
        column: 'spikes.params',
      });
    }
    const raw = { ...(params as Record<string, unknown>) };
    return {
      stage: 'spikes',
      name: SPIKE_PREDICTOR_USE,
      params: raw,
      async fit(input: SpikeFitInput, options: FitOptions = {}) {
        const model = await fitSpikePredictor(input.series, {
          horizons: input.horizon,
          ...(options.seed === undefined ? {} : { seed: options.seed }),
          plannedHours: 'skip',
          ...raw,
          anomalies: input.anomalies,
          ...(input.spikeTypes === undefined ? {} : { spikeTypes: input.spikeTypes }),
          plannedEvents: input.plannedEvents,
        });
        return fitted(model);
      },
    };
  },
  async load(saved: SavedModel) {
    return fitted(await loadSpikePredictor(saved));
  },
};
