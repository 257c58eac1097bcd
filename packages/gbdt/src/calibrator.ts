import { CdfErrorCode, validate } from '@cdf/core';
import { z } from 'zod';
import { type IsotonicCalibrator, isotonicFromKnots, type SavedIsotonic } from './isotonic-calibrator.ts';
import { type PlattCalibrator, plattFromParams, type SavedPlatt } from './platt-calibrator.ts';

/** Either calibrator: `predict(scores)` gives probabilities; `toJSON()` saves it. */
export type Calibrator = IsotonicCalibrator | PlattCalibrator;
/** A saved calibrator. */
export type SavedCalibrator = SavedIsotonic | SavedPlatt;

const finite = z.number().finite();
/** Schema of a saved calibrator (isotonic knots or Platt parameters). */
export const SavedCalibratorSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('isotonic'), x: z.array(finite).min(1), y: z.array(finite).min(1) })
    .refine((c) => c.x.length === c.y.length, { message: 'x and y must have the same length' }),
  z.object({ kind: z.literal('platt'), a: finite, b: finite, on: z.enum(['logit', 'raw']) }),
]);

/** Restore a calibrator from its `toJSON()`; throws a SchemaError (INCOMPATIBLE_MODEL) otherwise. */
export function loadCalibrator(saved: unknown): Calibrator {
  const parsed = validate(SavedCalibratorSchema, saved, {
    what: 'saved calibrator',
    code: CdfErrorCode.IncompatibleModel,
  });
  return parsed.kind === 'isotonic' ? isotonicFromKnots(parsed) : plattFromParams(parsed);
}
