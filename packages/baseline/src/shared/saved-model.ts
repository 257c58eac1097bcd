import {
  CdfError,
  CdfErrorCode,
  SAVED_MODEL_SCHEMA_VERSION,
  type SavedModel,
  SavedModelSchema,
  validate,
} from '@cdf/core';
import type { z } from 'zod';

/** The package version written into saved models. */
export const BASELINE_PACKAGE_VERSION = '0.1.0';

/** Wrap a fitted baseline's parameters and state in the saved-model envelope. */
export function savedModel(name: string, params: Record<string, unknown>, state: unknown): SavedModel {
  return {
    schemaVersion: SAVED_MODEL_SCHEMA_VERSION,
    stage: 'baseline',
    name,
    version: BASELINE_PACKAGE_VERSION,
    params,
    state,
  };
}

/**
 * Check a saved model is this plug-in's and parse its state; a model of another plug-in or
 * stage throws INCOMPATIBLE_MODEL, a damaged state INVALID_CONFIG.
 */
export function openSavedModel<S extends z.ZodType>(
  saved: unknown,
  name: string,
  stateSchema: S,
): { params: unknown; state: z.output<S> } {
  const envelope = validate(SavedModelSchema, saved, {
    what: 'saved model',
    code: CdfErrorCode.InvalidConfig,
  });
  if (envelope.stage !== 'baseline' || envelope.name !== name) {
    throw new CdfError(CdfErrorCode.IncompatibleModel, `saved model is ${envelope.name}, not ${name}`, {
      value: envelope.name,
      expected: name,
    });
  }
  const state = validate(stateSchema, envelope.state, {
    what: `${name} saved state`,
    code: CdfErrorCode.InvalidConfig,
  });
  return { params: envelope.params, state };
}
