/**
 * `@cdf/spikes`: anomaly detectors (robust z on a robust seasonal baseline, rate of change,
 * isolation forest, and their calibrated ensemble), spike events and their rule-based types, a
 * streaming detector that gives the batch detector's verdicts point by point, and a scale-free
 * change detector for general monitoring data (the NAB profile).
 */
export { ChangeDetector, type ChangeStep, scoreChanges } from './change/change-detector.ts';
export {
  type ChangeParams,
  type ChangeParamsInput,
  ChangeParamsSchema,
  type ResolvedChangeParams,
  resolveChangeParams,
} from './change/change-params.ts';
export { ContextNovelty } from './change/context-novelty.ts';
export { LevelShiftStat } from './change/level-shift-stat.ts';
export { RankHistory } from './change/rank-history.ts';
export { RollingWindows } from './change/rolling-windows.ts';
export { VolatilityStat } from './change/volatility-stat.ts';
export {
  classifySpike,
  DEFAULT_SPIKE_RULES,
  type SpikeRuleThresholds,
  type SpikeShape,
} from './classify/spike-rules.ts';
export { REQUESTS_COLUMN, spikeShape, TOKENS_COLUMN } from './classify/spike-shape.ts';
export {
  type AnomalyDetector,
  createAnomalyDetector,
  DEFAULT_SENSITIVITY,
  type DetectorOptions,
  type PreprocessedSeries,
} from './detect/anomaly-detector.ts';
export { type CoreTrace, traceSeries } from './detect/core-trace.ts';
export type { Detection } from './detect/detection.ts';
export { type CoreStep, DetectorCore, type LateWarmup, MAX_FOREST_TRAINING } from './detect/detector-core.ts';
export { DETECTOR_NAMES, type DetectorName } from './detect/detector-names.ts';
export {
  type DetectorParams,
  type DetectorParamsInput,
  DetectorParamsSchema,
  parseDetectorParams,
  parseParams,
  type ResolvedDetectorParams,
  resolveDetectorParams,
} from './detect/detector-params.ts';
export {
  combineDecades,
  decadesOfScore,
  SCORE_HALVING_DECADES,
  scoreOfDecades,
  thresholdOfSensitivity,
} from './detect/ensemble-score.ts';
export { suppressRepeats } from './detect/suppress-repeats.ts';
export {
  capWarmup,
  WARMUP_SPIKE_RATIO,
  type WarmupProfile,
  warmupProfile,
  withoutWarmupSpikes,
} from './detect/warmup-spikes.ts';
export { type AnomalyRun, anomalyRuns, DEFAULT_MERGE_GAP_MS } from './events/anomaly-runs.ts';
export { type ElevatedRunOptions, extendElevatedRuns } from './events/elevated-runs.ts';
export {
  averagePathLength,
  IsolationForest,
  type IsolationForestOptions,
} from './forest/isolation-forest.ts';
export { NAB_ENSEMBLE_PARAMS, NAB_SUPPRESS, nabSeries } from './nab/nab-preset.ts';
export {
  DEFAULT_LEFT_OUT_FEATURES,
  FittedSpikePredictor,
  fitSpikePredictor,
  loadSpikePredictor,
  ongoingSpikeProbability,
  SEASON_OF_YEAR_FEATURES,
  SPIKE_MONTH_FEATURES,
  type SpikeForecast,
  type SpikeRun,
  type SpikeRunContext,
  spikeRuns,
  WEEKDAY_FEATURES,
} from './predict/index.ts';
export {
  StreamingDetector,
  type StreamingDetectorOptions,
  type StreamPoint,
  type StreamVerdict,
  type WarmupVerdicts,
} from './stream/streaming-detector.ts';
export { type GroundTruthScore, scoreAgainstTruth } from './synthetic-check/ground-truth-score.ts';
export { type ColumnarTable, seriesFromColumns } from './synthetic-check/synthetic-series.ts';
