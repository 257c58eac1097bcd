import { z } from 'zod';
import { SpikeTypeSchema } from './events.ts';
import { InstantSchema } from './timestamp.ts';

/** One row of `anomalies.csv`: a verdict for every input step. */
export const AnomalyRowSchema = z.object({
  series_id: z.string().optional(),
  timestamp: InstantSchema,
  value: z.number().finite(),
  /** The robust baseline the value is compared with. */
  expected: z.number().finite(),
  /** Calibrated anomaly score 0..1. */
  score: z.number().min(0).max(1),
  is_anomaly: z.boolean(),
  /** Type of the spike this step belongs to, when anomalous. */
  spike_type: SpikeTypeSchema.optional(),
  /** Names of the detectors that fired, `+`-joined. */
  detectors: z.string(),
});
/** A parsed anomaly row. */
export type AnomalyRow = z.output<typeof AnomalyRowSchema>;
