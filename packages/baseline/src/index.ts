/** @cdf/baseline: baseline forecasters behind one contract: Prophet (augurs WASM), MSTL + ETS, seasonal naive */

export { type CalendarDay, type CalendarDayRules, calendarDays } from './calendar/calendar-days.ts';
export {
  type CalendarEffect,
  type CalendarEffects,
  learnCalendarEffects,
} from './calendar/calendar-effects.ts';
export {
  type CalendarParams,
  CalendarParamsSchema,
  calendarDayRules,
  DEFAULT_CALENDAR_PARAMS,
} from './calendar/calendar-params.ts';
export {
  learnPhaseCycles,
  MIN_CYCLE_SPAN_DAYS,
  monthPhase,
  type PhaseCycle,
  phaseCycleMultipliers,
  quarterPhase,
} from './calendar/phase-cycles.ts';
export {
  createEnsembleBaseline,
  ENSEMBLE_NAME,
  ensembleBaseline,
  ensembleCapabilities,
} from './ensemble/ensemble.ts';
export {
  candidateMinHistory,
  ENSEMBLE_CANDIDATES,
  type EnsembleCandidateName,
} from './ensemble/ensemble-candidates.ts';
export { type EnsembleParams, EnsembleParamsSchema } from './ensemble/ensemble-params.ts';
export {
  createMstlBaseline,
  MSTL_NAME,
  mstlBaseline,
  mstlCapabilities,
} from './mstl/mstl.ts';
export { type MstlParams, MstlParamsSchema } from './mstl/mstl-params.ts';
export {
  createProphetBaseline,
  loadProphetBaseline,
  PROPHET_NAME,
  type ProphetRuntime,
  prophetBaseline,
  prophetCapabilities,
  prophetMinHistory,
} from './prophet/prophet.ts';
export { defaultProphetOptimizer, type ProphetOptimizer } from './prophet/prophet-engine.ts';
export {
  type ProphetParams,
  ProphetParamsSchema,
  type ProphetRegressorSpec,
  type SeasonalityChoice,
} from './prophet/prophet-params.ts';
export {
  createSeasonalNaiveBaseline,
  SEASONAL_NAIVE_NAME,
  seasonalNaiveBaseline,
  seasonalNaiveCapabilities,
} from './seasonal-naive/seasonal-naive.ts';
export {
  type SeasonalNaiveParams,
  SeasonalNaiveParamsSchema,
} from './seasonal-naive/seasonal-naive-params.ts';
export { mase, maseScale, smape } from './select/forecast-accuracy.ts';
export {
  type BaselineCandidate,
  type BaselineSelection,
  type CandidateScore,
  type SelectBaselineOptions,
  selectBaseline,
} from './select/select-baseline.ts';
export type {
  BaselineUpdate,
  CdfBaselineEstimator,
  CdfBaselinePlugin,
  UpdatableBaseline,
} from './shared/baseline-kinds.ts';
