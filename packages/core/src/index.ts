/**
 * `@cdf/core`: the contracts every cdf stage speaks. zod schemas with their inferred types for
 * every table that crosses a stage boundary, the stage interfaces, and the one error type.
 */

export { easterSunday } from './easter.ts';
export {
  CdfError,
  CdfErrorCode,
  type CdfErrorOptions,
  type InputLocation,
  InsufficientHistoryError,
  NotFittedError,
  SchemaError,
} from './errors.ts';
export { median, medianInPlace, robustSd } from './median.ts';
export { type AnomalyRow, AnomalyRowSchema } from './schemas/anomaly.ts';
export {
  type CostModel,
  CostModelSchema,
  type GpuProfile,
  GpuProfileSchema,
  type PrewarmWindow,
  PrewarmWindowSchema,
  type ProcurementOption,
  ProcurementOptionSchema,
  type RequirementFrame,
  RequirementFrameSchema,
  type RequirementRow,
  RequirementRowSchema,
  type RiskLevel,
  RiskLevelSchema,
  type ScalingPolicy,
  ScalingPolicySchema,
} from './schemas/capacity.ts';
export {
  type PlannedEvent,
  type PlannedEventInput,
  PlannedEventSchema,
  plannedEventEnd,
  plannedEventMultiplier,
  plannedEventsMultiplier,
  SPIKE_TYPES,
  type SpikeEvent,
  SpikeEventSchema,
  type SpikeType,
  SpikeTypeSchema,
} from './schemas/events.ts';
export {
  type Aggregation,
  AggregationSchema,
  DEFAULT_TARGET,
  METRIC_COLUMNS,
  type MetricsRow,
  MetricsRowSchema,
  type MetricsTable,
  MetricsTableSchema,
} from './schemas/metrics.ts';
export {
  QUANTILE_COLUMNS,
  QUANTILE_LEVELS,
  type QuantileColumn,
  SCENARIOS,
  type ScenarioFrame,
  ScenarioFrameSchema,
  type ScenarioName,
  type ScenarioRow,
  ScenarioRowSchema,
} from './schemas/scenario.ts';
export { type Series, SeriesSchema } from './schemas/series.ts';
export { InstantSchema } from './schemas/timestamp.ts';
export {
  type BaselineCapabilities,
  type BaselineEstimator,
  type BaselineForecast,
  type BaselineInput,
  type BaselinePlugin,
  type BaselinePredictRequest,
  type Estimator,
  type FitOptions,
  type FittedBaseline,
  type FittedModel,
  type Progress,
  SAVED_MODEL_SCHEMA_VERSION,
  type SavedModel,
  SavedModelSchema,
  type StageKind,
  StageKindSchema,
  type StagePlugin,
} from './stage.ts';
export { DAY_MS, formatStep, HOUR_MS, MINUTE_MS, parseDuration, toIsoUtc, WEEK_MS } from './time.ts';
export { safeValidate, type ValidateOptions, type ValidationResult, validate } from './validate.ts';
