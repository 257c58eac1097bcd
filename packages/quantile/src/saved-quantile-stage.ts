import { SavedGbdtSchema } from '@cdf/gbdt';
import { z } from 'zod';
import { ResidualTableSchema } from './residual-table.ts';

/** Registry name of the conformal quantile stage, written into saved models. */
export const QUANTILE_STAGE_NAME = '@cdf/quantile#conformal';

/** The learned state of a fitted quantile stage, as saved in `SavedModel.state`. */
export const QuantileStateSchema = z.object({
  /** Longest horizon it was calibrated for, in steps. */
  horizon: z.number().int().positive(),
  /** The baseline's blend weight per horizon bucket. */
  weights: z.array(z.number().min(0).max(1)).min(1),
  /** Calibrated log-residual quantiles. */
  table: ResidualTableSchema,
  /** The XGBoost level regressor, or null (baseline-only point forecast). */
  regressor: SavedGbdtSchema.nullable(),
  /** What fitting did. */
  notes: z.array(z.string()),
  /** True when the regressor learned with the baseline's calendar divided out (absent: it did not). */
  calendar: z.boolean().optional(),
});
/** See {@link QuantileStateSchema}. */
export type QuantileState = z.output<typeof QuantileStateSchema>;
