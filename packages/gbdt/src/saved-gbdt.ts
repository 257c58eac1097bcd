import { z } from 'zod';
import { GbdtObjectiveSchema, GbdtParamsSchema } from './gbdt-params.ts';

/** Format tag of a saved model. */
export const SAVED_GBDT_FORMAT = 'cdf-gbdt';

/**
 * A trained model as JSON: XGBoost's own binary model (base64), and what it needs to be used
 * again: objective, feature names in column order, parameters and seed.
 */
export const SavedGbdtSchema = z.object({
  format: z.literal(SAVED_GBDT_FORMAT),
  version: z.literal(1),
  objective: GbdtObjectiveSchema,
  featureNames: z.array(z.string()).min(1),
  params: GbdtParamsSchema,
  seed: z.number().int().min(0),
  /** XGBoost's binary model, base64. */
  model: z.string().min(1),
});
/** A saved model; see {@link SavedGbdtSchema}. */
export type SavedGbdt = z.output<typeof SavedGbdtSchema>;
