/**
 * `@cdf/gbdt`: gradient-boosted trees (XGBoost compiled to WASM, via ml-xgboost) behind a
 * typed-array API: training in-process or in worker threads, isotonic and Platt calibration,
 * JSON save and load.
 */
export {
  type Calibrator,
  loadCalibrator,
  type SavedCalibrator,
  SavedCalibratorSchema,
} from './calibrator.ts';
export type { FeatureColumns } from './feature-columns.ts';
export { GbdtModel, type GbdtModelInfo } from './gbdt-model.ts';
export {
  type GbdtObjective,
  GbdtObjectiveSchema,
  type GbdtParams,
  type GbdtParamsInput,
  GbdtParamsSchema,
  resolveGbdtParams,
} from './gbdt-params.ts';
export {
  fitIsotonic,
  type IsotonicCalibrator,
  isotonicFromKnots,
  type SavedIsotonic,
} from './isotonic-calibrator.ts';
export { loadGbdt } from './load-gbdt.ts';
export {
  fitPlatt,
  type PlattCalibrator,
  type PlattOptions,
  plattFromParams,
  type SavedPlatt,
} from './platt-calibrator.ts';
export { WASM_MISSING } from './row-major-encoding.ts';
export { SAVED_GBDT_FORMAT, type SavedGbdt, SavedGbdtSchema } from './saved-gbdt.ts';
export { trainGbdt } from './train-gbdt.ts';
export { type ParallelTrainingOptions, trainGbdtInWorker, trainManyInParallel } from './train-in-worker.ts';
export type { TrainGbdtInput } from './training-job.ts';
export { trainWorkerAvailable, trainWorkerUrl } from './worker-entry.ts';
export { xgboostLog } from './xgboost-runtime.ts';
