import { z } from 'zod';

/** Parameters of the seasonal naive baseline. */
export const SeasonalNaiveParamsSchema = z
  .object({
    /** The season repeated: the last day (default) or the last week. */
    season: z.enum(['day', 'week']).default('day'),
  })
  .strict();
/** Parsed seasonal naive parameters. */
export type SeasonalNaiveParams = z.output<typeof SeasonalNaiveParamsSchema>;
