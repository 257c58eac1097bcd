import { CdfErrorCode, validate } from '@cdf/core';
import { z } from 'zod';

/** What a model learns: a real value (squared error) or the probability of a 0/1 label (log loss). */
export const GbdtObjectiveSchema = z.enum(['regression', 'binary']);
/** One of {@link GbdtObjectiveSchema}'s values. */
export type GbdtObjective = z.infer<typeof GbdtObjectiveSchema>;

/** Booster hyperparameters (XGBoost's names in brackets); every field has a default. */
export const GbdtParamsSchema = z
  .object({
    /** Boosting rounds = trees. Default 200. */
    iterations: z.number().int().min(1).max(100_000).default(200),
    /** Depth of each tree [max_depth]. Default 6. */
    maxDepth: z.number().int().min(1).max(32).default(6),
    /** Learning rate [eta]. Default 0.1. */
    eta: z.number().gt(0).max(1).default(0.1),
    /** Share of rows drawn (seeded) for each tree [subsample]. Default 0.8. */
    subsample: z.number().gt(0).max(1).default(0.8),
    /** Share of columns drawn for each tree [colsample_bytree]. Default 0.8. */
    colsampleByTree: z.number().gt(0).max(1).default(0.8),
    /** Minimum hessian sum in a leaf [min_child_weight]. Default 1. */
    minChildWeight: z.number().min(0).default(1),
    /** L2 penalty on leaf weights [lambda]. Default 1. */
    lambda: z.number().min(0).default(1),
    /** L1 penalty on leaf weights [alpha]. Default 0. */
    alpha: z.number().min(0).default(0),
    /** Minimum loss reduction to split [gamma]. Default 0. */
    gamma: z.number().min(0).default(0),
    /** Histogram bins per feature [max_bin]. Default 256. */
    maxBin: z.number().int().min(2).max(65_536).default(256),
    /** Weight of positive rows in `binary` [scale_pos_weight]. Default 1. */
    scalePosWeight: z.number().gt(0).default(1),
  })
  .strict();
/** Parsed hyperparameters, defaults filled in. */
export type GbdtParams = z.output<typeof GbdtParamsSchema>;
/** Hyperparameters as a caller writes them: any subset. */
export type GbdtParamsInput = z.input<typeof GbdtParamsSchema>;

/** Parse `params` (throws a SchemaError with code INVALID_CONFIG naming the bad field). */
export function resolveGbdtParams(params: unknown = {}): GbdtParams {
  return validate(GbdtParamsSchema, params ?? {}, {
    what: 'GBDT parameters',
    code: CdfErrorCode.InvalidConfig,
  });
}

/**
 * The XGBoost parameter strings for a training run: the histogram tree method, silent, and the
 * seed of its row and column sampling. Single-threaded: the WASM build has no threads, so
 * parallelism comes from training several models in worker threads.
 */
export function xgboostParamStrings(
  objective: GbdtObjective,
  params: GbdtParams,
  seed: number,
): [string, string][] {
  return [
    ['booster', 'gbtree'],
    ['objective', objective === 'binary' ? 'binary:logistic' : 'reg:linear'],
    ['tree_method', 'hist'],
    ['silent', '1'],
    ['seed', String(seed)],
    ['max_depth', String(params.maxDepth)],
    ['eta', String(params.eta)],
    ['subsample', String(params.subsample)],
    ['colsample_bytree', String(params.colsampleByTree)],
    ['min_child_weight', String(params.minChildWeight)],
    ['lambda', String(params.lambda)],
    ['alpha', String(params.alpha)],
    ['gamma', String(params.gamma)],
    ['max_bin', String(params.maxBin)],
    ['scale_pos_weight', String(params.scalePosWeight)],
  ];
}
