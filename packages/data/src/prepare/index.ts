// Barrel of prepare/: from a loaded MetricsTable to regular Series, and the data summary.
export { aggregationFor } from './aggregation-rule.ts';
export type { ColumnStats } from './column-stats.ts';
export type {
  ColumnSummary,
  DataSummary,
  GapSummary,
  SeriesFailure,
  SeriesSummary,
} from './data-summary.ts';
export { type DropoutOptions, findDropouts } from './dropouts.ts';
export { formatSummary } from './format-summary.ts';
export { inferStep, type StepContext } from './infer-step.ts';
export { loadSeries } from './load-series.ts';
export type { DuplicatePolicy, PrepareOptions } from './prepare-options.ts';
export { type PreparedData, type PreparedFailure, prepareSeries } from './prepare-series.ts';
