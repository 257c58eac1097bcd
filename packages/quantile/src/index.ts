/**
 * `@cdf/quantile`: scenario assembly. The blended point forecast (baseline + XGBoost level
 * regressor), the spike contribution, P50..P99 calibrated out of sample by conformal quantiles of
 * rolling-origin log residuals per horizon bucket, mixed with the spike model, and planned
 * launches folded in.
 */
export {
  type AssembleInput,
  assembleScenarios,
  type CapacityRule,
  quantileColumns,
  type SpikeInput,
  spikeBeyondPlan,
} from './assemble-scenarios.ts';
export { type BacktestRecord, COMPONENTS } from './backtest-record.ts';
export { shrinkLocation } from './bias-shrinkage.ts';
export { type BlendWeightOptions, blendForecast, learnBlendWeights } from './blend-weights.ts';
export {
  type CalendarMultipliers,
  calendarAt,
  futureTimes,
  type OriginCalendar,
  regressorView,
  withCalendarDividedOut,
  withCalendarPutBack,
} from './calendar-divided.ts';
export { type CalibrateOptions, calibrate } from './calibrate.ts';
export { calibrateRecords, type RecordCalibration } from './calibrate-records.ts';
export {
  type CalibrationOriginPlan,
  calibrationMinHistory,
  calibrationOriginPlan,
} from './calibration-origins.ts';
export { conformalQuantile } from './conformal-quantile.ts';
export {
  fitQuantileStage,
  type QuantileFitInput,
  type RegressorForecaster,
  regressorForecaster,
} from './fit-quantile-stage.ts';
export {
  type AssembleRequest,
  FittedQuantileStage,
  loadQuantileStage,
  type QuantileStageParts,
} from './fitted-quantile-stage.ts';
export { bucketOf, DEFAULT_HORIZON_BUCKETS } from './horizon-buckets.ts';
export {
  fitLevelRegressor,
  type LevelRegressor,
  type LevelRegressorOptions,
  loadLevelRegressor,
} from './level-regressor.ts';
export { mixtureQuantile, type SpikeComponent } from './mixture-quantile.ts';
export {
  type QuantileParams,
  type QuantileParamsInput,
  QuantileParamsSchema,
  type RegressorParams,
  RegressorParamsSchema,
  resolveQuantileParams,
} from './quantile-params.ts';
export { createQuantileStage, type QuantileEstimator, quantilePlugin } from './quantile-plugin.ts';
export { flooredForecast, recentLevel } from './recent-level.ts';
export { ResidualDistribution } from './residual-distribution.ts';
export {
  fitResidualTable,
  RESIDUAL_GRID,
  type ResidualTable,
  type ResidualTableOptions,
  ResidualTableSchema,
} from './residual-table.ts';
export {
  type Forecaster,
  type RollingOriginOptions,
  rollingOrigins,
  runRollingOrigin,
} from './rolling-origin.ts';
export { QUANTILE_STAGE_NAME, type QuantileState, QuantileStateSchema } from './saved-quantile-stage.ts';
export { robustSpikeMask, type SpikeMaskWindow } from './spike-mask.ts';
export { withSpikesFilled } from './spikes-filled.ts';
export { withoutPlannedEvents } from './without-planned-events.ts';
