import { join } from 'node:path';
import type { CapacityPlan } from '@cdf/capacity';
import { CdfError, CdfErrorCode, type PlannedEvent, type ScenarioFrame, type Series } from '@cdf/core';
import { type DataSummary, type LoadOptions, loadSeries, type PrepareOptions } from '@cdf/data';
import { namingConfigFileAsync } from '../config/config-file-errors.ts';
import { readConfig } from '../config/read-config.ts';
import { formatDuration } from '../human-format.ts';
import type { ProgressReporter } from '../progress.ts';
import { capacityUnitWarning } from './capacity-unit-warning.ts';
import { runFleet } from './fleet-runner.ts';
import { type ModelManifest, readModelManifest, readSeriesModels } from './model-store.ts';
import { PartialFailureError } from './partial-failure.ts';
import { type PipelineSpec, pipelineSpec } from './pipeline-spec.ts';
import { parsePlannedEvents, readPlannedEvents } from './planned-events-file.ts';
import { type ResolvedPipeline, resolvePipeline } from './resolved-pipeline.ts';
import { writeRunOutputs } from './run-outputs.ts';
import type { SeriesJob, SeriesOutcome, SeriesSuccess } from './series-job.ts';
import { runSeriesJob } from './series-job.ts';
import { SPIKE_PREDICTOR_USE } from './spike-predictor-plugin.ts';

/** What `forecast`, `fit` and `predict` ask of the pipeline. */
export interface PipelineRunOptions {
  kind: 'forecast' | 'fit' | 'predict';
  /** The metrics file. */
  input: string;
  load: LoadOptions & PrepareOptions;
  /** Planned events file (JSON or CSV). */
  events?: string;
  /** cdf config file (`forecast`, `fit`). */
  config?: string;
  horizon?: number;
  seed?: number;
  /** Output folder (`forecast`, `predict`), or the model folder to write (`fit`). */
  out: string;
  /** The model folder to read (`predict`). */
  model?: string;
  /** Worker threads for fleets; default the machine's cores. */
  threads?: number;
  /** Also write the dashboard's panels as image files (`--images`). */
  images?: 'svg' | 'png';
  progress: ProgressReporter;
  now: () => number;
  /** Label for run.json: the command line that ran. */
  command: string;
  version: string;
}

/** What a run did, for the command's summary and `--json`. */
export interface PipelineRunResult {
  out: string;
  files: string[];
  series: { total: number; ok: number; failed: { id: string; line: string }[] };
  horizon: number;
  /** The capacity plan of every forecast series together (absent for `fit`). */
  plan?: CapacityPlan;
  dashboard?: string;
  /** Series the dashboard shows. */
  dashboardSeries?: string;
  timings: Record<string, number>;
  /** The baseline chosen per series: `{ mstl: 3, seasonal-naive: 1 }`. */
  baselines: Record<string, number>;
  /** Stages that did not run for some series, with why (first reason). */
  skipped: Record<string, string>;
  /** Things the user should know about the numbers (e.g. a demand unit the plan had to assume). */
  warnings: string[];
}

const ms = (start: number) => Math.round(performance.now() - start);

/**
 * Run the pipeline end to end: read the config (or the model folder), resolve every stage, load
 * and prepare the input (one series per id), fit and/or forecast each series (across worker
 * threads for fleets), plan capacity over all of them, and write the outputs. Series that fail
 * are reported without losing the others: if any did, the outputs are still written and a
 * {@link PartialFailureError} is thrown at the end; if all did, the first failure is thrown.
 */
export async function runPipeline(options: PipelineRunOptions): Promise<PipelineRunResult> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const { progress } = options;

  progress.stage('resolving stages');
  let t = performance.now();
  let manifest: ModelManifest | undefined;
  let spec: PipelineSpec;
  let loadOptions = options.load;
  let plannedEvents: PlannedEvent[] = [];
  if (options.kind === 'predict') {
    manifest = await readModelManifest(options.model ?? '');
    spec = { ...manifest.spec, ...(options.horizon === undefined ? {} : { horizon: options.horizon }) };
    if (options.horizon !== undefined && options.horizon > manifest.spec.horizon) {
      throw new CdfError(
        CdfErrorCode.InvalidConfig,
        'the horizon is longer than the models were fitted for',
        {
          column: '--horizon',
          value: String(options.horizon),
          expected: `at most ${manifest.spec.horizon} (refit with a longer --horizon)`,
        },
      );
    }
    loadOptions = {
      target: manifest.input.target,
      timeZone: manifest.input.timeZone,
      ...(manifest.input.idCol === undefined ? {} : { idCol: manifest.input.idCol }),
      ...options.load,
    };
    plannedEvents = parsePlannedEvents(manifest.plannedEvents, join(options.model ?? '', 'pipeline.json'));
  } else {
    const loaded = options.config === undefined ? undefined : await readConfig(options.config);
    spec = pipelineSpec(loaded?.config, {
      ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(loaded === undefined ? {} : { configDir: loaded.dir }),
    });
  }
  if (options.events !== undefined)
    plannedEvents = [...plannedEvents, ...(await readPlannedEvents(options.events))];
  const pipeline = await namingConfigFileAsync(options.config, () => resolvePipeline(spec));
  timings.resolve = ms(t);

  progress.stage(`loading ${options.input}`);
  t = performance.now();
  const fleet = loadOptions.idCol !== undefined;
  const data = await loadSeries(options.input, {
    ...loadOptions,
    ...(fleet ? { onSeriesError: 'collect' as const } : {}),
  });
  timings.load = ms(t);
  const prepareFailures: SeriesOutcome[] = data.failures.map((f) => ({
    ok: false,
    id: f.id,
    error: { code: f.error.code, message: f.error.message, line: f.error.toLine() },
  }));

  t = performance.now();
  const outcomes = await runJobs(options, pipeline, spec, manifest, data.series, plannedEvents, fleet);
  timings[options.kind === 'predict' ? 'predict' : 'fit_and_forecast'] = ms(t);
  const all = [...outcomes.outcomes, ...prepareFailures];
  const ok = all.filter((o): o is SeriesSuccess => o.ok);
  const failed = all.flatMap((o) => (o.ok ? [] : [{ id: o.id, line: o.error.line }]));
  if (ok.length === 0) {
    const first = all.find((o) => !o.ok);
    throw new CdfError(
      (first && !first.ok ? first.error.code : 'MODEL_FAILED') as CdfError['code'],
      first && !first.ok ? `every series failed; first: ${first.error.line}` : 'the input has no series',
    );
  }

  t = performance.now();
  const written = await writeRunOutputs({
    options,
    pipeline,
    spec,
    data: { summary: data.summary, series: data.series },
    plannedEvents,
    successes: ok,
    failures: failed,
    fleet,
    threads: outcomes.threads,
    timings,
    startedAt: options.now(),
  });
  timings.write = ms(t);
  timings.total = ms(t0);
  progress.done();

  const baselines: Record<string, number> = {};
  const skipped: Record<string, string> = {};
  for (const s of ok) {
    const base = s.stages.find((r) => r.stage === 'baseline');
    if (base) baselines[base.use] = (baselines[base.use] ?? 0) + 1;
    for (const r of s.stages) if (r.status === 'skipped' && r.reason) skipped[r.stage] ??= r.reason;
  }
  const result: PipelineRunResult = {
    out: options.out,
    files: written.files,
    series: { total: all.length, ok: ok.length, failed },
    horizon: spec.horizon,
    ...(written.plan ? { plan: written.plan } : {}),
    ...(written.dashboard ? { dashboard: written.dashboard, dashboardSeries: written.dashboardSeries } : {}),
    timings,
    baselines,
    skipped,
    warnings: [capacityUnitWarning(data.summary.target, written.plan)].filter((w) => w !== undefined),
  };
  if (failed.length > 0) {
    const error = new PartialFailureError(failed, all.length, join(options.out, 'run.json'));
    Object.assign(error, { result });
    throw error;
  }
  return result;
}

async function runJobs(
  options: PipelineRunOptions,
  pipeline: ResolvedPipeline,
  spec: PipelineSpec,
  manifest: ModelManifest | undefined,
  series: readonly Series[],
  plannedEvents: PlannedEvent[],
  fleet: boolean,
): Promise<{ outcomes: SeriesOutcome[]; threads: number }> {
  const { progress } = options;
  // In a fleet every series has its own worker: the spike model's own two training threads
  // would only oversubscribe the cores.
  const jobSpec: PipelineSpec =
    fleet &&
    spec.stages.spikes.use === SPIKE_PREDICTOR_USE &&
    spec.stages.spikes.params.parallel === undefined
      ? {
          ...spec,
          stages: {
            ...spec.stages,
            spikes: { ...spec.stages.spikes, params: { ...spec.stages.spikes.params, parallel: false } },
          },
        }
      : spec;
  const jobs: SeriesJob[] = [];
  const missing: SeriesOutcome[] = [];
  for (const s of series) {
    const job: SeriesJob = {
      kind: options.kind,
      spec: jobSpec,
      series: s,
      plannedEvents,
      ...(fleet ? { seriesId: s.id } : {}),
    };
    if (manifest !== undefined) {
      const entry = manifest.series.find((e) => e.id === s.id);
      if (entry === undefined) {
        const line = `${join(options.model ?? '', 'pipeline.json')}: no model for series "${s.id}" (fit it first)`;
        if (!fleet) throw new CdfError(CdfErrorCode.IncompatibleModel, line);
        missing.push({
          ok: false,
          id: s.id,
          error: { code: CdfErrorCode.IncompatibleModel, message: line, line },
        });
        continue;
      }
      jobs.push({
        ...job,
        saved: (await readSeriesModels(options.model ?? '', entry.file)) as SeriesJob['saved'],
        modelFile: join(options.model ?? '', entry.file),
      });
    } else jobs.push(job);
  }
  const verb =
    options.kind === 'predict'
      ? 'forecasting'
      : options.kind === 'fit'
        ? 'fitting'
        : 'fitting and forecasting';
  if (!fleet) {
    const job = jobs[0];
    if (job === undefined) return { outcomes: [], threads: 0 };
    const outcome = await runSeriesJob(job, {
      pipeline,
      throwErrors: true,
      onStage: (stage) => progress.stage(`${verb}: ${stage}`),
    });
    return { outcomes: [outcome], threads: 0 };
  }
  let done = 0;
  let failures = 0;
  const started = performance.now();
  const line = (tail: string) =>
    progress.stage(
      `${verb} ${done}/${jobs.length} series${failures > 0 ? ` (${failures} failed)` : ''}` +
        (done > 0
          ? `, ~${formatDuration(((performance.now() - started) / done) * (jobs.length - done))} left`
          : '') +
        tail,
    );
  line('');
  const fleetResult = await runFleet(jobs, {
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    pipeline: { ...pipeline, spec: jobSpec },
    onStage: (id, stage) => line(`: ${id} ${stage}`),
    onDone: (outcome, n) => {
      done = n;
      if (!outcome.ok) failures++;
      line('');
    },
  });
  return { outcomes: [...fleetResult.outcomes, ...missing], threads: fleetResult.threads };
}

/** The types a run's outputs are built from, for run-outputs.ts. */
export interface RunOutputInput {
  options: PipelineRunOptions;
  pipeline: ResolvedPipeline;
  spec: PipelineSpec;
  data: { summary: DataSummary; series: readonly Series[] };
  plannedEvents: readonly PlannedEvent[];
  successes: readonly SeriesSuccess[];
  failures: readonly { id: string; line: string }[];
  fleet: boolean;
  threads: number;
  timings: Record<string, number>;
  startedAt: number;
}

/** Scenario rows of all successful series, in series order. */
export function allScenarios(successes: readonly SeriesSuccess[]): ScenarioFrame {
  return successes.flatMap((s) => s.scenarios ?? []);
}

/** Where `fit` writes, and where `forecast` puts its models: `<out>/model`. */
export function modelDirOf(options: PipelineRunOptions): string {
  return options.kind === 'fit' ? options.out : join(options.out, 'model');
}
