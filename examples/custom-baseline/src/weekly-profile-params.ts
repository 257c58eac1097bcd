import { CdfErrorCode, validate } from '@cdf/core';
import { z } from 'zod';

/** Parameters of the weekly-profile baseline; every field has a default. */
export const WeeklyProfileParamsSchema = z
  .object({
    /** Recent whole weeks the profile and the trend are read from. Default 4, at least 2. */
    weeks: z.number().int().min(2).max(52).default(4),
    /**
     * Weekly damping of the trend: week k ahead adds `damping^k` of the weekly slope, so the
     * trend flattens out instead of running away. 0 = no trend, 1 = undamped. Default 0.8.
     */
    damping: z.number().min(0).max(1).default(0.8),
  })
  .strict();
/** Parsed parameters. */
export type WeeklyProfileParams = z.output<typeof WeeklyProfileParamsSchema>;

/** Parse parameters; a bad one is a CdfError INVALID_CONFIG naming the field. */
export function parseWeeklyProfileParams(params: unknown): WeeklyProfileParams {
  return validate(WeeklyProfileParamsSchema, params ?? {}, {
    what: 'weekly-profile baseline parameters',
    code: CdfErrorCode.InvalidConfig,
  });
}
