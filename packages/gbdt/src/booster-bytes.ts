import { CdfError, CdfErrorCode } from '@cdf/core';
import type { XGBoostRuntime } from './xgboost-runtime.ts';

/** XGBoost's binary serialisation of the booster `handle` on `rt`, copied out of the WASM heap. */
export function boosterBytes(rt: XGBoostRuntime, handle: number): Uint8Array {
  const size = rt.saveModel(handle);
  if (size <= 0) throw new CdfError(CdfErrorCode.ModelFailed, 'XGBoost could not serialise the model');
  const pointer = rt.malloc(size);
  try {
    rt.copySaved(pointer, size);
    return rt.heapU8().slice(pointer, pointer + size);
  } finally {
    rt.free(pointer);
  }
}
