import { CdfErrorCode, validate } from '@cdf/core';
import { z } from 'zod';
import {
  type CdfConfig,
  type ConfigStage,
  isRecord,
  type StageChoice,
  StageChoiceSchema,
} from '../config/cdf-config.ts';

/** Forecast horizon when neither `--horizon` nor the config sets one: a week of hours. */
export const DEFAULT_HORIZON = 168;
/** Seed when neither `--seed` nor the config sets one. */
export const DEFAULT_PIPELINE_SEED = 42;
/** `baseline.use` that picks a baseline per series by backtest (the default). */
export const AUTO_BASELINE = '@cdf/app#auto-baseline';

/**
 * The default pipeline. Baseline: @cdf/baseline's ensemble, which ranks eight simple candidates
 * (seasonal naive, day and week profiles, MSTL + AutoETS) by MASE on each series' own training
 * tail and averages the best two. On M4 hourly (all 207 dev series, h = 48) it scores sMAPE 9.32,
 * MASE 0.930, OWA 0.449, against 13.85 / 1.154 / 0.618 for seasonal naive and 18.1 sMAPE for
 * Prophet (@cdf/eval's scripts/m4-hourly.mjs). The per-series auto selection among named
 * candidates (`"use": "@cdf/app#auto-baseline"`) stays available through the config. Quantiles:
 * @cdf/quantile's conformal stage, whose point forecast blends the baseline with its XGBoost
 * level regressor by weights learnt on the calibration backtest (see below).
 */
export const DEFAULT_STAGES: Readonly<Record<ConfigStage, StageChoice>> = {
  anomalies: { use: '@cdf/spikes#ensemble', params: {} },
  baseline: { use: '@cdf/baseline#ensemble', params: {} },
  spikes: { use: '@cdf/spikes#gbdt-spike-predictor', params: {} },
  // The level regressor with 64 histogram bins: its 150 rounds cost a third of what 256 bins
  // cost, for most of the accuracy (M4 hourly, 207 series: MASE 0.957 with the baseline alone,
  // 0.946 at 64 bins, 0.934 at 256). Its calibration copies retrain every 336 steps instead of
  // 168: half the trainings on a long history, and each on at most 16,000 rows (origins thinned)
  // instead of 40,000: half the time a training, accuracy unchanged within noise (M4 hourly, 207
  // series: sMAPE 9.29 -> 9.24, MASE 0.949 -> 0.950; synthetic seeds 251-255 and 286-290, 80
  // weeks: P50 MAPE 8.42 -> 8.39% and 9.36 -> 9.28%). Under four weeks of history the stage leaves
  // the regressor out (its `minHistoryDays`). What it costs in time and gains in accuracy: the app
  // README (pipeline, stage 4) and @cdf/quantile's README.
  // `{"quantile": {"use": "@cdf/quantile#conformal", "params": {"regressor": {"enabled": false}}}}`
  // calibrates the baseline alone.
  quantile: {
    use: '@cdf/quantile#conformal',
    params: { regressor: { maxBin: 64, refitEvery: 336, maxRows: 16_000 } },
  },
  capacity: { use: '@cdf/capacity#planner', params: {} },
};

/** Everything that defines a run's models: serialisable, so workers and `predict` rebuild it. */
export const PipelineSpecSchema = z.object({
  horizon: z.number().int().min(1),
  seed: z.number().int().min(0),
  stages: z.object({
    anomalies: StageChoiceSchema,
    baseline: StageChoiceSchema,
    spikes: StageChoiceSchema,
    quantile: StageChoiceSchema,
    capacity: StageChoiceSchema,
  }),
  /** Folder of the config file, where plug-in packages are looked up first. */
  configDir: z.string().optional(),
});
/** A pipeline spec. */
export type PipelineSpec = z.output<typeof PipelineSpecSchema>;

/** Parameters of the auto baseline (`baseline.params` with `use: "@cdf/app#auto-baseline"`). */
export const AutoBaselineParamsSchema = z
  .object({
    /** The baselines to choose among, first wins ties. */
    candidates: z.array(StageChoiceSchema).min(1),
    /** Rolling origins of the selection backtest. Default 3. */
    origins: z.number().int().min(1).max(50).default(3),
    /** Score that picks the winner. Default `mase`. */
    metric: z.enum(['mase', 'smape']).default('mase'),
  })
  .strict();
/** Parsed auto-baseline parameters. */
export type AutoBaselineParams = z.output<typeof AutoBaselineParamsSchema>;

/** Parse the auto baseline's params; INVALID_CONFIG naming `baseline.params.<key>`. */
export function parseAutoBaselineParams(params: unknown): AutoBaselineParams {
  return validate(AutoBaselineParamsSchema, params, {
    what: 'auto-baseline parameters',
    code: CdfErrorCode.InvalidConfig,
  });
}

/**
 * The spec of a run: the config's choices over the defaults, flags over the config. A stage
 * whose `use` is the default's keeps the app's parameters for it, with the config's laid over
 * them ({@link stageOverDefault}); any other `use` gets exactly the config's `params`.
 */
export function pipelineSpec(
  config: CdfConfig | undefined,
  flags: { horizon?: number; seed?: number; configDir?: string },
): PipelineSpec {
  const stages = { ...DEFAULT_STAGES };
  for (const stage of Object.keys(stages) as ConfigStage[]) {
    const choice = config?.[stage];
    if (choice !== undefined) stages[stage] = stageOverDefault(DEFAULT_STAGES[stage], choice);
  }
  return {
    horizon: flags.horizon ?? config?.horizon ?? DEFAULT_HORIZON,
    seed: flags.seed ?? config?.seed ?? DEFAULT_PIPELINE_SEED,
    stages,
    ...(flags.configDir === undefined ? {} : { configDir: flags.configDir }),
  };
}

/**
 * A config's stage choice over the app's default for that stage. The same `use`: the default's
 * `params` with the config's laid over them, objects merged key by key and anything else
 * (numbers, arrays, strings) replaced, so `{"regressor": {"enabled": false}}` leaves the
 * default quantile stage's `regressor.maxBin` as it is. Another `use`: the config's choice as
 * written, since the default's parameters belong to another implementation.
 */
export function stageOverDefault(fallback: StageChoice, choice: StageChoice): StageChoice {
  if (choice.use !== fallback.use) return choice;
  return { use: choice.use, params: mergedParams(fallback.params, choice.params) };
}

function mergedParams(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    out[key] = isRecord(under) && isRecord(value) ? mergedParams(under, value) : value;
  }
  return out;
}
