import { CdfError, CdfErrorCode, validate } from '@cdf/core';
import { GbdtModel, type GbdtModelInfo } from './gbdt-model.ts';
import { SavedGbdtSchema } from './saved-gbdt.ts';
import { loadXGBoostRuntime, type XGBoostRuntime } from './xgboost-runtime.ts';

/** A booster on `rt` from XGBoost's binary model bytes. */
export function modelFromBytes(rt: XGBoostRuntime, bytes: Uint8Array, info: GbdtModelInfo): GbdtModel {
  const pointer = rt.malloc(bytes.length);
  let handle = 0;
  try {
    rt.heapU8().set(bytes, pointer);
    handle = rt.loadModel(pointer, bytes.length);
  } finally {
    rt.free(pointer);
  }
  if (handle === 0) {
    throw new CdfError(CdfErrorCode.IncompatibleModel, 'XGBoost could not read the saved model bytes', {
      column: 'model',
      expected: 'a model saved by @cdf/gbdt',
    });
  }
  return new GbdtModel(rt, handle, info);
}

/**
 * Restore a model saved with `toJSON()` (the object, or its JSON text). It predicts exactly as
 * the saved one did. Throws a SchemaError (INCOMPATIBLE_MODEL) for anything else.
 */
export async function loadGbdt(saved: unknown): Promise<GbdtModel> {
  let value = saved;
  if (typeof saved === 'string') {
    try {
      value = JSON.parse(saved);
    } catch (cause) {
      throw new CdfError(CdfErrorCode.IncompatibleModel, 'the saved GBDT model is not valid JSON', { cause });
    }
  }
  const parsed = validate(SavedGbdtSchema, value, {
    what: 'saved GBDT model',
    code: CdfErrorCode.IncompatibleModel,
  });
  const rt = await loadXGBoostRuntime();
  return modelFromBytes(rt, new Uint8Array(Buffer.from(parsed.model, 'base64')), parsed);
}
