import { join } from 'node:path';
import {
  type CapacityPlan,
  createCapacityPlanner,
  GPU_PRESETS,
  renderRecommendationsMarkdown,
  scenarioFrameFromColumns,
} from '@cdf/capacity';
import { CdfError, CdfErrorCode, type ScenarioFrame, toIsoUtc } from '@cdf/core';
import { formatCsv, formatJson, loadMetrics, writeTextFile } from '@cdf/data';
import { Command } from 'commander';
import { commandRun } from '../command-context.ts';
import { isRecord } from '../config/cdf-config.ts';
import { namingConfigFile } from '../config/config-file-errors.ts';
import { readConfig } from '../config/read-config.ts';
import { parseName } from '../flag-values.ts';
import { formatCount } from '../human-format.ts';
import type { CliIo } from '../io.ts';
import { DEFAULT_STAGES, pipelineSpec } from '../pipeline/pipeline-spec.ts';
import { readPlannedEvents } from '../pipeline/planned-events-file.ts';
import { UsageError } from '../usage-error.ts';

interface PlanFlags {
  scenarios: string;
  out: string;
  gpu?: string;
  gpuTflops?: string;
  gpuPrice?: string;
  config?: string;
  launches?: string;
}

/** The files `cdf plan` writes into `--out`, in the order it writes them. */
export const PLAN_FILES = [
  'requirements.csv',
  'recommendations.md',
  'recommendations.json',
  'scaling-policy.json',
  'hpa.yaml',
] as const;

/**
 * `cdf plan`: turn a scenario frame (a forecast with quantiles, in TFLOPS) into a GPU capacity
 * plan: per-hour requirements, recommendations for finance and SRE, an auto-scaling policy and a
 * Kubernetes HPA manifest. Parameters come from `--config` (`capacity.params`), flags win.
 */
export function planCommand(io: CliIo): Command {
  return new Command('plan')
    .summary('turn demand scenarios into GPUs, costs, a scaling policy and recommendations')
    .description(
      'Read a scenario file (CSV, JSON, NDJSON or Parquet with timestamp, baseline, expected_value, ' +
        'spike_probability, p50, p75, p90, p95, p99 and optionally series_id; demand in TFLOPS) and ' +
        'write requirements.csv, recommendations.md, recommendations.json, scaling-policy.json and ' +
        'hpa.yaml into --out. GPU presets: a100 (default, 312 TFLOPS, $3.50/h), h100, h200, b200.',
    )
    .requiredOption('--scenarios <file>', 'scenario frame to plan for')
    .requiredOption('--out <dir>', 'folder to write the plan into (created if needed)')
    .option('--gpu <id>', `GPU profile: ${Object.keys(GPU_PRESETS).join(', ')}, or a custom id from --config`)
    .option('--gpu-tflops <n>', 'override the profile: dense BF16 TFLOPS per GPU')
    .option('--gpu-price <p>', 'override the profile: price per GPU-hour')
    .option('--config <file>', 'cdf config JSON; its capacity.params set GPU, cost model and policy')
    .option(
      '--launches <file>',
      'planned launches to pre-warm for (JSON array or CSV, as `generate --launches-out` writes)',
    )
    .action(async (flags: PlanFlags, self: Command) => {
      const run = commandRun(io, self);
      const scenariosPath = parseName('--scenarios', flags.scenarios);
      const out = parseName('--out', flags.out);
      const tflops =
        flags.gpuTflops === undefined ? undefined : parsePositive('--gpu-tflops', flags.gpuTflops);
      const price =
        flags.gpuPrice === undefined ? undefined : parseNonNegative('--gpu-price', flags.gpuPrice);
      try {
        const params = await readCapacityParams(flags.config);
        if (flags.gpu !== undefined) checkGpuFlag(flags.gpu, params);
        const merged = {
          ...params,
          ...(flags.gpu === undefined ? {} : { gpu: flags.gpu.trim().toLowerCase() }),
          ...(tflops === undefined && price === undefined
            ? {}
            : {
                gpu_overrides: {
                  ...(isRecord(params.gpu_overrides) ? params.gpu_overrides : {}),
                  ...(tflops === undefined ? {} : { tflops }),
                  ...(price === undefined ? {} : { price_per_hour: price }),
                },
              }),
        };
        const planner = namingConfigFile(flags.config, () => createCapacityPlanner(merged));
        run.progress.stage(`reading ${scenariosPath}`);
        const scenarios = await readScenarios(scenariosPath);
        const plannedEvents = flags.launches === undefined ? [] : await readPlannedEvents(flags.launches);
        run.progress.stage(`planning ${formatCount(scenarios.length)} steps`);
        const plan = namingConfigFile(flags.config, () => planner.plan({ scenarios, plannedEvents }));
        run.progress.stage(`writing ${out}`);
        const files = planFiles(plan);
        for (const name of PLAN_FILES) await writeTextFile(join(out, name), files[name]);
        run.progress.done();

        const t = plan.tiers.conservative;
        run.result(
          `planned ${formatCount(scenarios.length)} steps on ${plan.gpu.name}: ` +
            `${t.average_gpus.toFixed(1)} GPUs on average (peak ${t.peak_gpus}, burst-ready ${plan.tiers.emergency.peak_gpus}), ` +
            `${plan.cost.currency} ${Math.round(t.monthly_cost)} a month; wrote ${PLAN_FILES.join(', ')} to ${out}`,
          {
            out,
            files: PLAN_FILES.map((name) => join(out, name)),
            steps: scenarios.length,
            gpu: plan.gpu,
            currency: plan.cost.currency,
            recommended: {
              average_gpus: t.average_gpus,
              peak_gpus: t.peak_gpus,
              monthly_cost: t.monthly_cost,
            },
            burst_ready_peak_gpus: plan.tiers.emergency.peak_gpus,
            monthly_baseline_cost: plan.costAnalysis.monthly_baseline_cost,
            monthly_spike_protection_premium: plan.costAnalysis.monthly_spike_protection_premium,
            reserved_gpus: plan.procurement.reserved_gpus,
            high_risk_steps: plan.requirements.filter(
              (r) => r.risk_level === 'high' || r.risk_level === 'critical',
            ).length,
            prewarm_windows: plan.scalingPolicy.prewarm.length,
          },
        );
      } finally {
        run.progress.done();
      }
    });
}

/** The text of every output file of a plan. */
export function planFiles(plan: CapacityPlan): Record<(typeof PLAN_FILES)[number], string> {
  const rows = plan.requirements;
  const withSeries = rows.some((r) => r.series_id !== undefined);
  const header = [
    ...(withSeries ? ['series_id'] : []),
    'timestamp',
    'baseline_gpus',
    'recommended_gpus',
    'burst_ready_gpus',
    'recommended_capacity',
    'recommended_cost_per_hour',
    'expected_utilization',
    'risk_level',
  ];
  const columns = [
    ...(withSeries ? [rows.map((r) => r.series_id ?? '')] : []),
    rows.map((r) => toIsoUtc(r.timestamp)),
    rows.map((r) => r.baseline_gpus),
    rows.map((r) => r.recommended_gpus),
    rows.map((r) => r.burst_ready_gpus),
    rows.map((r) => r.recommended_capacity),
    rows.map((r) => r.recommended_cost_per_hour),
    rows.map((r) => r.expected_utilization),
    rows.map((r) => r.risk_level),
  ];
  const policy = plan.scalingPolicy;
  return {
    'requirements.csv': formatCsv(header, columns, {
      decimals: { recommended_capacity: 4, recommended_cost_per_hour: 4, expected_utilization: 6 },
    }),
    'recommendations.md': renderRecommendationsMarkdown(plan.recommendations),
    'recommendations.json': formatJson(plan.recommendations),
    'scaling-policy.json': formatJson({
      ...policy,
      prewarm: policy.prewarm.map((w) => ({ ...w, start: toIsoUtc(w.start), end: toIsoUtc(w.end) })),
    }),
    'hpa.yaml': plan.hpaManifest,
  };
}

const SCENARIO_NUMBER_COLUMNS = [
  'baseline',
  'expected_value',
  'spike_probability',
  'p50',
  'p75',
  'p90',
  'p95',
  'p99',
] as const;

/**
 * Read a scenario file with @cdf/data's loader (p95 as the target column, so it must be there and
 * numeric) and validate every row with the scenario schema; a bad row is reported with the file,
 * its row in the file and the column.
 */
async function readScenarios(path: string): Promise<ScenarioFrame> {
  let table = await loadMetrics(path, { target: 'p95' });
  if (table.textColumns.includes('series_id'))
    table = await loadMetrics(path, { target: 'p95', idCol: 'series_id' });
  for (const name of SCENARIO_NUMBER_COLUMNS) {
    if (table.columns[name] === undefined) {
      const isText = table.textColumns.includes(name);
      throw new CdfError(
        isText ? CdfErrorCode.InvalidValue : CdfErrorCode.MissingColumn,
        isText ? `column "${name}" is not numeric` : `missing column "${name}"`,
        { file: path, column: name, expected: 'a numeric column (TFLOPS, or 0..1 for spike_probability)' },
      );
    }
  }
  const column = (name: string): Float64Array =>
    table.columns[name] ?? new Float64Array(table.timestamps.length);
  const recommended = table.columns.recommended_capacity;
  try {
    return scenarioFrameFromColumns(
      {
        timestamp: table.timestamps,
        baseline: column('baseline'),
        expected_value: column('expected_value'),
        spike_probability: column('spike_probability'),
        p50: column('p50'),
        p75: column('p75'),
        p90: column('p90'),
        p95: column('p95'),
        p99: column('p99'),
        ...(recommended === undefined ? {} : { recommended_capacity: recommended }),
        ...(table.ids === undefined ? {} : { series_id: table.ids }),
      },
      { file: path },
    );
  } catch (error) {
    // Rows are numbered in the loaded table; report the row as it is in the file.
    if (!CdfError.isInstance(error) || error.location.row === undefined) throw error;
    const sourceRow = table.sourceRows[error.location.row - 1] ?? error.location.row;
    throw new CdfError(error.code, error.message.replace(/^invalid scenario row: /, ''), {
      ...error.location,
      row: sourceRow,
      cause: error,
    });
  }
}

/**
 * The capacity stage's params: the app's default capacity stage with the config file's laid over
 * it (`pipelineSpec`), the file read and validated as `cdf forecast` reads it (`readConfig`), so
 * `cdf plan` and `cdf forecast` plan alike with the same config or with none. `cdf plan` runs
 * @cdf/capacity's planner only: a config naming another capacity plug-in is refused
 * (PLUGIN_NOT_FOUND).
 */
async function readCapacityParams(path: string | undefined): Promise<Record<string, unknown>> {
  const config = path === undefined ? undefined : (await readConfig(path)).config;
  const capacity = pipelineSpec(config, {}).stages.capacity;
  if (capacity.use !== DEFAULT_STAGES.capacity.use) {
    throw new CdfError(CdfErrorCode.PluginNotFound, `cdf plan runs ${DEFAULT_STAGES.capacity.use} only`, {
      file: path,
      column: 'capacity.use',
      value: capacity.use,
      expected: `"${DEFAULT_STAGES.capacity.use}"`,
    });
  }
  return capacity.params;
}

/** `--gpu` must name a preset or a custom profile of the config. */
function checkGpuFlag(value: string, params: Record<string, unknown>): void {
  const custom = Array.isArray(params.custom_gpus)
    ? params.custom_gpus.flatMap((p) => (isRecord(p) && typeof p.id === 'string' ? [p.id.toLowerCase()] : []))
    : [];
  const known = [...Object.keys(GPU_PRESETS), ...custom];
  if (!known.includes(value.trim().toLowerCase())) {
    throw new UsageError(`--gpu: "${value}" is not one of ${known.join(', ')}`);
  }
}

function parsePositive(flag: string, value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`${flag}: "${value}" is not a positive number`);
  }
  return n;
}

function parseNonNegative(flag: string, value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`${flag}: "${value}" is not a number >= 0`);
  }
  return n;
}
