import { z } from 'zod';

/**
 * A point in time at a boundary: ISO 8601 text with `Z` or an offset, or epoch milliseconds.
 * Parses to epoch milliseconds (UTC). Naive ISO text (no zone) is rejected here: it is only
 * accepted by `@cdf/data`'s loaders, which know the configured time zone.
 */
export const InstantSchema = z.union([
  z.number().int().describe('epoch milliseconds'),
  z
    .string()
    .regex(/(Z|[+-]\d{2}:?\d{2})$/i, 'ISO 8601 timestamp with Z or an offset')
    .transform((text, ctx) => {
      const ms = Date.parse(text);
      if (Number.isNaN(ms)) {
        ctx.addIssue({ code: 'custom', message: `not an ISO 8601 timestamp: ${text}` });
        return z.NEVER;
      }
      return ms;
    }),
]);
