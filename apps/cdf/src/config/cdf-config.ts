import { z } from 'zod';

/**
 * One stage's implementation: `use` names a plug-in as `package#export` (or `package#name`, the
 * plug-in's registry name), `params` are handed to its `create` unchanged, which validates them.
 */
export const StageChoiceSchema = z
  .object({
    /** `@cdf/baseline#mstl`, `@acme/forecasters#weeklyMedian`, ... */
    use: z
      .string()
      .regex(/^[^#\s]+#[^#\s]+$/, { message: 'must be "package#export", e.g. "@cdf/baseline#mstl"' }),
    /** Parameters of the implementation (validated by its own schema). */
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
/** A parsed stage choice. */
export type StageChoice = z.output<typeof StageChoiceSchema>;

/**
 * The cdf config file (`cdf.config.json`): one implementation per stage, and run defaults that
 * flags override. Every key is optional; a missing stage takes the default pipeline's choice.
 */
export const CdfConfigSchema = z
  .object({
    /** Editor hint, ignored. */
    $schema: z.string().optional(),
    /** Steps to forecast (`--horizon` wins). */
    horizon: z.number().int().min(1).max(10_000).optional(),
    /** Seed of every random choice (`--seed` wins). */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
    /** History anomaly detection (`@cdf/spikes#ensemble`, params: sensitivity and detector options). */
    anomalies: StageChoiceSchema.optional(),
    /** Baseline forecaster, or `@cdf/app#auto-baseline` to pick one by backtest (the default). */
    baseline: StageChoiceSchema.optional(),
    /** Spike probability and magnitude over the horizon. */
    spikes: StageChoiceSchema.optional(),
    /** Scenario assembly: calibrated quantiles. */
    quantile: StageChoiceSchema.optional(),
    /** GPUs, costs and recommendations. */
    capacity: StageChoiceSchema.optional(),
  })
  .strict();
/** A parsed config file. */
export type CdfConfig = z.output<typeof CdfConfigSchema>;
/** The stages a config chooses implementations for. */
export const CONFIG_STAGES = ['anomalies', 'baseline', 'spikes', 'quantile', 'capacity'] as const;
/** One of {@link CONFIG_STAGES}. */
export type ConfigStage = (typeof CONFIG_STAGES)[number];

/** A JSON object of a config (not an array, not null): what a stage's `params` and its nested sections are. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
