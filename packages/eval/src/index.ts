/**
 * `@cdf/eval`: forecast, interval and anomaly metrics (sMAPE, MASE, OWA, pinball, CRPS, AUC,
 * ECE), the M4 reference forecasters (Naive2, seasonal naive), and the NAB v1.0 scorer.
 */

export { type BacktestOptions, backtest } from './backtest/backtest.ts';
export type {
  BacktestFitContext,
  BacktestForecast,
  BacktestForecaster,
  BacktestModel,
  BacktestResult,
  BacktestTimings,
  BucketResult,
  ForecastFunction,
  ForecastRequest,
  HorizonBucket,
  OriginResult,
  OriginSpec,
} from './backtest/backtest-types.ts';
export { type BaselineForecasterOptions, baselineForecaster } from './backtest/baseline-forecaster.ts';
export { bucketLabel, defaultHorizonBuckets } from './backtest/horizon-buckets.ts';
export { originIndices } from './backtest/origins.ts';
export { type BacktestSummary, summariseBacktests } from './backtest/summarise-backtests.ts';
export {
  type EventClassification,
  eventClassification,
} from './classification/event-classification.ts';
export { eventsOf, type IndexEvent } from './classification/events.ts';
export {
  type CalibrationOptions,
  expectedCalibrationError,
} from './classification/expected-calibration-error.ts';
export { type PointClassification, pointClassification } from './classification/point-classification.ts';
export { rocAuc } from './classification/roc-auc.ts';
export { datasetPath, datasetsDir, repoRootOf } from './datasets/shared-datasets.ts';
export { M4_HOURLY_SHOWN, type PublishedM4Score, parseM4Published } from './m4/m4-published.ts';
export type { BooleanArray, NumericArray } from './metric-input.ts';
export { loadNabCorpus, type NabCorpus, type NabCorpusFile } from './nab/nab-corpus.ts';
export { type LoadNabResultsOptions, loadNabResults, type NabDetection } from './nab/nab-detections.ts';
export { type NabFileInput, type NabFileScore, type NabWindow, scoreNabFile } from './nab/nab-file-score.ts';
export { type NabCostMatrix, type NabProfileName, nabProfiles } from './nab/nab-profiles.ts';
export { parseNabTimestamp } from './nab/nab-timestamp.ts';
export { nabScaledSigmoid } from './nab/scaled-sigmoid.ts';
export {
  type NabDetectionSource,
  type NabFileResult,
  type NabResult,
  type ScoreNabOptions,
  scoreNab,
} from './nab/score-nab.ts';
export { multiplicativeSeasonalIndices } from './point/classical-decomposition.ts';
export { type DailyAggregateMapeInput, dailyAggregateMape } from './point/daily-aggregate-mape.ts';
export { mae } from './point/mae.ts';
export { type MapeOptions, mape } from './point/mape.ts';
export { type MaseOptions, mase } from './point/mase.ts';
export { naive2 } from './point/naive2.ts';
export { owa, type SmapeMase } from './point/owa.ts';
export {
  type PointMetric,
  type PointMetricInput,
  type PointMetricName,
  pointMetrics,
} from './point/point-metric-registry.ts';
export { rmse } from './point/rmse.ts';
export { seasonalNaive } from './point/seasonal-naive.ts';
export { seasonalNaiveScale } from './point/seasonal-scale.ts';
export { autocorrelation, m4SeasonalityTest } from './point/seasonality-test.ts';
export { smape } from './point/smape.ts';
export { crpsFromQuantiles } from './probabilistic/crps-from-quantiles.ts';
export { empiricalCoverage, type QuantileCoverage } from './probabilistic/empirical-coverage.ts';
export { intervalScore } from './probabilistic/interval-score.ts';
export { pinballLoss } from './probabilistic/pinball-loss.ts';
export type { QuantileForecast } from './probabilistic/quantile-forecast.ts';
