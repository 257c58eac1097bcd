import { z } from 'zod';

/**
 * How to include one seasonality: `'auto'` decides from the span of history (daily with at
 * least 2 days of sub-daily data, weekly with 2 weeks, yearly with 2 years), `true`/`false`
 * force it on (augurs' default Fourier order) or off, a number forces it on with that order.
 */
export const SeasonalityChoiceSchema = z.union([
  z.literal('auto'),
  z.boolean(),
  z.number().int().min(1).max(50),
]);
/** One seasonality choice. */
export type SeasonalityChoice = z.infer<typeof SeasonalityChoiceSchema>;

/** An extra regressor: a numeric column of the series, by name. */
export const ProphetRegressorSchema = z
  .object({
    /** Column name in `series.columns`. */
    name: z.string().min(1),
    /** Additive (default) or multiplicative effect. */
    mode: z.enum(['additive', 'multiplicative']).default('additive'),
    /** Prior scale of its coefficient; default the seasonality prior scale. */
    priorScale: z.number().positive().optional(),
    /**
     * Its values over the forecast horizon, which the series does not have: `seasonal-naive`
     * (default) repeats its last week (its last day when the history is shorter than two
     * weeks), `last` holds its last value.
     */
    future: z.enum(['seasonal-naive', 'last']).default('seasonal-naive'),
  })
  .strict();
/** A parsed regressor specification. */
export type ProphetRegressorSpec = z.output<typeof ProphetRegressorSchema>;

/** Parameters of the Prophet baseline (defaults are Prophet's own unless said otherwise). */
export const ProphetParamsSchema = z
  .object({
    /** Trend: `linear` (default) or `logistic`, which needs `cap` (and takes `floor`). */
    growth: z.enum(['linear', 'logistic']).default('linear'),
    /** Carrying capacity of the logistic trend, in the target's unit. */
    cap: z.number().finite().positive().optional(),
    /** Saturating minimum of the logistic trend. Default 0. */
    floor: z.number().finite().nonnegative().optional(),
    /** `additive` (default) or `multiplicative` seasonality. */
    seasonalityMode: z.enum(['additive', 'multiplicative']).default('additive'),
    /** Per-seasonality choices; default `'auto'` for each. */
    seasonality: z
      .object({
        daily: SeasonalityChoiceSchema.default('auto'),
        weekly: SeasonalityChoiceSchema.default('auto'),
        yearly: SeasonalityChoiceSchema.default('auto'),
      })
      .strict()
      .default({ daily: 'auto', weekly: 'auto', yearly: 'auto' }),
    /** Flexibility of the trend. Default 0.05. */
    changepointPriorScale: z.number().finite().positive().default(0.05),
    /** Strength of seasonality. Default 10. */
    seasonalityPriorScale: z.number().finite().positive().default(10),
    /** Potential changepoints. Default 25. */
    nChangepoints: z.number().int().nonnegative().default(25),
    /** Share of the history where changepoints may fall. Default 0.8. */
    changepointRange: z.number().gt(0).max(1).default(0.8),
    /** Extra regressors (columns of the series). Default none. */
    regressors: z.array(ProphetRegressorSchema).default([]),
    /** Prior scale of the learned planned-event effect. Default 10. */
    eventPriorScale: z.number().finite().positive().default(10),
    /**
     * When a fit fails, fall back down the chain (multiplicative Prophet, additive Prophet,
     * MSTL, seasonal naive) instead of throwing MODEL_FAILED. Default true.
     */
    fallback: z.boolean().default(true),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.growth === 'logistic' && p.cap === undefined) {
      ctx.addIssue({ code: 'custom', path: ['cap'], message: 'logistic growth needs a cap' });
    }
    if (p.cap !== undefined && p.floor !== undefined && p.floor >= p.cap) {
      ctx.addIssue({ code: 'custom', path: ['floor'], message: 'floor must be below cap' });
    }
    const names = new Set<string>();
    for (const r of p.regressors) {
      if (names.has(r.name))
        ctx.addIssue({ code: 'custom', path: ['regressors'], message: `${r.name} twice` });
      names.add(r.name);
    }
  });
/** Parsed Prophet parameters. */
export type ProphetParams = z.output<typeof ProphetParamsSchema>;
