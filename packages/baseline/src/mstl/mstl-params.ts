import { z } from 'zod';

/** Parameters of the MSTL + ETS baseline. */
export const MstlParamsSchema = z
  .object({
    /**
     * Seasonal periods in points. Default from the step: a day and a week at sub-daily steps
     * (24 and 168 at hourly), a week at a daily step, none otherwise; each kept only when the
     * history holds at least two of it.
     */
    periods: z.array(z.number().int().min(2)).min(1).optional(),
  })
  .strict();
/** Parsed MSTL parameters. */
export type MstlParams = z.output<typeof MstlParamsSchema>;
