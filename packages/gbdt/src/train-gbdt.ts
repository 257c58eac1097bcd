import { CdfError, CdfErrorCode } from '@cdf/core';
import { GbdtModel } from './gbdt-model.ts';
import { xgboostParamStrings } from './gbdt-params.ts';
import { prepareTrainingJob, type TrainGbdtInput, type TrainingJob } from './training-job.ts';
import { loadXGBoostRuntime, type XGBoostRuntime } from './xgboost-runtime.ts';

/**
 * Train a booster on `rt` from a prepared job; returns its handle. The matrix and labels are
 * copied into the WASM heap (XGBoost copies them again into its DMatrix) and freed at once.
 */
export function trainJobOnRuntime(rt: XGBoostRuntime, job: TrainingJob): number {
  const dataPointer = rt.malloc(job.data.length * 4);
  let labelPointer = 0;
  let handle = 0;
  try {
    labelPointer = rt.malloc(job.labels.length * 4);
    rt.heapF32().set(job.data, dataPointer >> 2);
    rt.heapF32().set(job.labels, labelPointer >> 2);
    handle = rt.createModel(dataPointer, labelPointer, job.rows, job.cols);
  } finally {
    rt.free(dataPointer);
    if (labelPointer !== 0) rt.free(labelPointer);
  }
  if (handle === 0)
    throw new CdfError(CdfErrorCode.ModelFailed, 'XGBoost could not create the training matrix');
  try {
    for (const [name, value] of xgboostParamStrings(job.objective, job.params, job.seed)) {
      rt.setParam(handle, name, value);
    }
    rt.trainIterations(handle, job.params.iterations);
  } catch (cause) {
    throw new CdfError(CdfErrorCode.ModelFailed, 'XGBoost training failed', { cause });
  }
  return handle;
}

/**
 * Train gradient-boosted trees (XGBoost `hist`, in WASM, on this thread) on columns of features.
 * `binary` learns P(label = 1) by log loss; `regression` by squared error. The same input and
 * seed give a byte-identical model. Throws a CdfError for bad input (naming row and column).
 *
 * @example
 * const model = await trainGbdt({ features: [x1, x2], label: y, objective: 'regression', seed: 1 });
 * const yHat = model.predict([x1, x2]);
 * model.free();
 */
export async function trainGbdt(input: TrainGbdtInput): Promise<GbdtModel> {
  const job = prepareTrainingJob(input);
  const rt = await loadXGBoostRuntime();
  const handle = trainJobOnRuntime(rt, job);
  return new GbdtModel(rt, handle, job);
}
