/**
 * `@cdf/features`: leak-free feature engineering. Lags, rolling statistics, growth, calendar,
 * spike history and capacity pressure known at each origin, and the direct multi-horizon design
 * matrix built from them.
 */
export {
  CALENDAR_FEATURE_NAMES,
  type CalendarOptions,
  calendarFeatures,
} from './calendar-features.ts';
export { computeFeatures, PRESSURE_COLUMNS } from './compute-features.ts';
export { FUTURE_FEATURE_NAMES, FUTURE_PREFIX, SEASON_OF_YEAR_FEATURE_NAMES } from './design-rows.ts';
export {
  buildDirectMatrix,
  DEFAULT_MAX_ROWS,
  type DirectMatrix,
  type DirectMatrixOptions,
} from './direct-matrix.ts';
export {
  type FeatureMatrix,
  featureColumn,
  featureRow,
  selectFeatures,
  withoutFeatures,
} from './feature-matrix.ts';
export { type FeatureOptions, resolveSpec } from './feature-options.ts';
export { FEATURE_SPEC, type FeatureSpec, type RollingStat } from './feature-spec.ts';
export {
  createFeatures,
  FEATURES_PLUGIN_NAME,
  type FeatureParams,
  FeatureParamsSchema,
  type FeaturesEstimator,
  type FittedFeatures,
  featuresPlugin,
  type SeriesExtras,
} from './features-plugin.ts';
export {
  customHolidayRules,
  type HolidayRule,
  holidayNamesOn,
  holidaysOfYear,
  US_HOLIDAY_RULES,
} from './holiday-rules.ts';
export {
  DEFAULT_HOLIDAYS,
  type HolidayCalendar,
  type HolidayCalendarOptions,
  holidayCalendar,
  isHoliday,
  type LocalDate,
  parseHolidayDate,
  US_FIXED_HOLIDAYS,
} from './holidays.ts';
export { type HorizonSpec, type OriginSpec, resolveHorizons, resolveOrigins } from './horizons.ts';
export { type LocalCalendar, localCalendar } from './local-time.ts';
export { PLANNED_EVENT_FEATURE_NAMES, plannedEventFeatures } from './planned-event-features.ts';
export { buildPredictionRows, type PredictionRows, type PredictionRowsOptions } from './prediction-rows.ts';
export { rollingMax } from './rolling-max.ts';
export { type RollingMeanStd, rollingMeanStd } from './rolling-mean-std.ts';
export { rollingQuantile } from './rolling-quantile.ts';
