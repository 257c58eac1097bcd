import type { CapacityPlan } from '@cdf/capacity';
import type {
  BaselinePlugin,
  Estimator,
  FittedModel,
  SavedModel,
  ScenarioFrame,
  StagePlugin,
} from '@cdf/core';
import { CdfError, CdfErrorCode } from '@cdf/core';
import { baselineContract } from '@cdf/core/testing';
import { parsePluginSpec } from '../config/plugin-spec.ts';
import { isAppDependency, type ResolvedPlugin, resolvePlugin } from '../config/resolve-plugin.ts';
import { type AnomalyStage, resolveAnomalyStage } from './history-anomalies.ts';
import { AUTO_BASELINE, type PipelineSpec, parseAutoBaselineParams } from './pipeline-spec.ts';
import { spikePredictorPlugin } from './spike-predictor-plugin.ts';
import type { QuantileStagePlugin, SpikeStagePlugin } from './stage-contracts.ts';

/** A baseline implementation with the parameters to create it with. */
export interface BaselineCandidateChoice {
  resolved: ResolvedPlugin<BaselinePlugin>;
  params: Record<string, unknown>;
  /** `@cdf/baseline#seasonal-naive {"season":"week"}`. */
  label: string;
}

/** The capacity stage's plan, as the outputs need it (`@cdf/capacity`'s `CapacityPlan` shape). */
export interface CapacityStageResult extends FittedModel {
  readonly plan: CapacityPlan;
}

/** A capacity plug-in: `fit({ scenarios, plannedEvents })` resolves to a plan. */
export type CapacityStagePlugin = StagePlugin<
  Estimator<{ scenarios: ScenarioFrame; plannedEvents?: readonly unknown[] }, CapacityStageResult>,
  CapacityStageResult
>;

/** Every stage of a run, resolved to code. */
export interface ResolvedPipeline {
  spec: PipelineSpec;
  anomalies: AnomalyStage;
  /** One baseline, or candidates to choose from per series. */
  baseline:
    | { kind: 'single'; choice: BaselineCandidateChoice }
    | { kind: 'auto'; candidates: BaselineCandidateChoice[]; origins: number; metric: 'mase' | 'smape' };
  spikes: ResolvedPlugin<SpikeStagePlugin> & { params: Record<string, unknown> };
  quantile: ResolvedPlugin<QuantileStagePlugin> & { params: Record<string, unknown> };
  capacity: ResolvedPlugin<CapacityStagePlugin> & { params: Record<string, unknown> };
}

/** The app's adapters for stages whose package exports functions rather than a plug-in. */
export const BUILTIN_PLUGINS: ReadonlyMap<string, { plugin: unknown }> = new Map<string, { plugin: unknown }>(
  [[spikePredictorPlugin.name, { plugin: spikePredictorPlugin }]],
);

/** Options of {@link resolvePipeline}. */
export interface ResolvePipelineOptions {
  /**
   * Run @cdf/core's baseline contract on baselines that are not the app's own dependencies (a
   * few fits on a six-week contract series) and refuse one that breaks it. Default true; workers skip it
   * because the main thread already did.
   */
  checkContracts?: boolean;
}

function labelOf(use: string, params: Record<string, unknown>): string {
  return Object.keys(params).length === 0 ? use : `${use} ${JSON.stringify(params)}`;
}

async function baselineChoice(
  use: string,
  params: Record<string, unknown>,
  where: string,
  spec: PipelineSpec,
  check: boolean,
): Promise<BaselineCandidateChoice> {
  const resolved = await resolvePlugin<BaselinePlugin>(use, 'baseline', where, {
    ...(spec.configDir === undefined ? {} : { configDir: spec.configDir }),
  });
  // Bad params fail here, before any data is read.
  resolved.plugin.create(params);
  if (check && !isAppDependency(parsePluginSpec(use, where).packageName))
    await runBaselineContract(resolved, params, where);
  return { resolved, params, label: labelOf(use, params) };
}

async function runBaselineContract(
  resolved: ResolvedPlugin<BaselinePlugin>,
  params: Record<string, unknown>,
  where: string,
): Promise<void> {
  for (const contractCheck of baselineContract(resolved.plugin, { params })) {
    try {
      await contractCheck.run();
    } catch (cause) {
      throw new CdfError(CdfErrorCode.PluginNotFound, `"${resolved.use}" breaks the baseline contract`, {
        column: where,
        value: contractCheck.name,
        expected: `to pass @cdf/core/testing's baselineContract (${(cause as Error).message})`,
        cause,
      });
    }
  }
}

/**
 * Resolve every stage of `spec` to a plug-in, checking parameters (and third-party baselines'
 * contract) before any data is touched. Throws PLUGIN_NOT_FOUND or INVALID_CONFIG naming the
 * config key.
 */
export async function resolvePipeline(
  spec: PipelineSpec,
  options: ResolvePipelineOptions = {},
): Promise<ResolvedPipeline> {
  const check = options.checkContracts ?? true;
  const lookup = {
    builtins: BUILTIN_PLUGINS,
    ...(spec.configDir === undefined ? {} : { configDir: spec.configDir }),
  };
  const { stages } = spec;
  const anomalies = resolveAnomalyStage(stages.anomalies.use, stages.anomalies.params);

  let baseline: ResolvedPipeline['baseline'];
  if (stages.baseline.use === AUTO_BASELINE) {
    const auto = parseAutoBaselineParams(stages.baseline.params);
    const candidates: BaselineCandidateChoice[] = [];
    for (const [i, candidate] of auto.candidates.entries()) {
      candidates.push(
        await baselineChoice(
          candidate.use,
          candidate.params,
          `baseline.params.candidates.${i}.use`,
          spec,
          check,
        ),
      );
    }
    baseline = { kind: 'auto', candidates, origins: auto.origins, metric: auto.metric };
  } else {
    baseline = {
      kind: 'single',
      choice: await baselineChoice(stages.baseline.use, stages.baseline.params, 'baseline.use', spec, check),
    };
  }

  const spikes = await resolvePlugin<SpikeStagePlugin>(stages.spikes.use, 'spikes', 'spikes.use', lookup);
  spikes.plugin.create(stages.spikes.params);
  const quantile = await resolvePlugin<QuantileStagePlugin>(
    stages.quantile.use,
    'quantile',
    'quantile.use',
    lookup,
  );
  quantile.plugin.create(stages.quantile.params);
  const capacity = await resolvePlugin<CapacityStagePlugin>(
    stages.capacity.use,
    'capacity',
    'capacity.use',
    lookup,
  );
  capacity.plugin.create(stages.capacity.params);
  return {
    spec,
    anomalies,
    baseline,
    spikes: { ...spikes, params: stages.spikes.params },
    quantile: { ...quantile, params: stages.quantile.params },
    capacity: { ...capacity, params: stages.capacity.params },
  };
}

/** Load a saved model with a plug-in whose `load` may be synchronous or not. */
export async function loadWith<F>(
  plugin: { load(saved: SavedModel): F | Promise<F> },
  saved: SavedModel,
): Promise<F> {
  return await plugin.load(saved);
}
