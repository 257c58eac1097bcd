// Barrel of predict/: spike probability and magnitude over the horizon (GBDT, direct, calibrated).
export {
  type FitSpikePredictorOptions,
  fitSpikePredictor,
  MIN_MAGNITUDE_ROWS,
} from './fit-spike-predictor.ts';
export {
  FittedSpikePredictor,
  SPIKE_PREDICTOR_NAME,
  type SpikeForecast,
  type SpikePredictorParts,
  type SpikePredictRequest,
} from './fitted-spike-predictor.ts';
export { loadSpikePredictor } from './load-spike-predictor.ts';
export {
  ongoingSpikeProbability,
  type SpikeRun,
  type SpikeRunContext,
  spikeRuns,
} from './ongoing-spike.ts';
export { robustBaseline } from './robust-baseline.ts';
export { LEVEL_FEATURE, scaleFreeFeatures } from './scale-free-features.ts';
export {
  DEFAULT_LEFT_OUT_FEATURES,
  SEASON_OF_YEAR_FEATURES,
  SPIKE_MONTH_FEATURES,
  spikeModelFeatures,
  WEEKDAY_FEATURES,
} from './spike-model-features.ts';
export {
  CLASSIFIER_DEFAULTS,
  DEFAULT_TRAINING_HORIZONS,
  MAGNITUDE_DEFAULTS,
  resolveSpikePredictorParams,
  type SpikePredictorParams,
  type SpikePredictorParamsInput,
  SpikePredictorParamsSchema,
} from './spike-predictor-params.ts';
