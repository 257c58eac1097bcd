import { join } from 'node:path';
import type { CapacityPlan } from '@cdf/capacity';
import { type SpikeEvent, toIsoUtc } from '@cdf/core';
import { formatJson, writeTextFile } from '@cdf/data';
import type { DashboardHistoryColumns } from './dashboard-input.ts';
import { jsonSafeScores } from './json-safe-scores.ts';
import { writeModelDir } from './model-store.ts';
import { writePlanAndDashboard } from './plan-and-dashboard.ts';
import { RUN_FILE } from './run-manifest.ts';
import { allScenarios, modelDirOf, type RunOutputInput } from './run-pipeline.ts';
import {
  anomaliesCsv,
  type SeriesTables,
  scenariosCsv,
  spikeEventsJson,
  withRecommendedCapacity,
} from './run-tables.ts';
import type { SeriesSuccess } from './series-job.ts';

/** What the output step wrote. */
export interface RunOutputs {
  files: string[];
  plan?: CapacityPlan;
  dashboard?: string;
  dashboardSeries?: string;
}

/** The history columns the dashboard draws, from a series' detection. */
export function historyColumns(success: SeriesSuccess): DashboardHistoryColumns {
  const d = success.detection!;
  return {
    timestamps: Array.from(d.timestamps),
    values: Array.from(d.values),
    expected: Array.from(d.expected),
    isAnomaly: Array.from(d.isAnomaly, (v) => v === 1),
    spikeType: d.spikeTypes.map((t) => (t === '' ? null : t)),
  };
}

/** Mean of the chosen baselines' selection scores, for run.json's backtest metrics. */
function backtestMetrics(successes: readonly SeriesSuccess[]): Record<string, number> | null {
  let mase = 0;
  let smape = 0;
  let n = 0;
  for (const s of successes) {
    const chosen = s.stages.find((r) => r.stage === 'baseline')?.use;
    const scores = s.baselineSelection?.filter(
      (c) => Number.isFinite(c.mase) && c.label.startsWith(chosen ?? '\0'),
    );
    const best = scores?.sort((a, b) => a.mase - b.mase)[0];
    if (best === undefined) continue;
    mase += best.mase;
    smape += best.smape;
    n++;
  }
  return n === 0 ? null : { series_scored: n, baseline_mase: mase / n, baseline_smape_pct: smape / n };
}

/**
 * Write a run's outputs. `fit`: the model folder and run.json in it. `forecast` and `predict`:
 * `scenarios.csv` (recommended capacity filled in by the capacity stage), `anomalies.csv`,
 * `spike-events.json`, the plan files, `dashboard.html` and `run.json`; `forecast` also writes
 * the fitted pipeline into `model/`.
 */
export async function writeRunOutputs(input: RunOutputInput): Promise<RunOutputs> {
  const { options, spec, successes, fleet } = input;
  const out = options.out;
  const files: string[] = [];
  const result: RunOutputs = { files };

  if (options.kind !== 'predict') {
    const modelDir = modelDirOf(options);
    await writeModelDir(
      modelDir,
      {
        spec,
        input: {
          target: input.data.summary.target,
          ...(fleet && options.load.idCol ? { idCol: options.load.idCol } : {}),
          timeZone: input.data.summary.timeZone,
          stepMs: input.data.series[0]?.stepMs ?? 0,
        },
        plannedEvents: input.plannedEvents.map((e) => ({ ...e, start: toIsoUtc(e.start) })),
      },
      successes.map((s) => s.saved!),
    );
    files.push(options.kind === 'fit' ? 'pipeline.json' : 'model/');
  }

  const generatedAt = input.startedAt;
  if (options.kind !== 'fit') {
    const tables: SeriesTables[] = successes.map((s) => ({
      id: s.id,
      scenarios: s.scenarios ?? [],
      detection: s.detection!,
    }));
    const events: SpikeEvent[] = successes.flatMap((s) =>
      s.detection!.events.map((e) => (fleet ? { ...e, series_id: s.id } : e)),
    );
    const histories = new Map(successes.map((s) => [fleet ? s.id : 'default', historyColumns(s)]));
    const planned = await writePlanAndDashboard(out, {
      scenarios: allScenarios(successes),
      histories,
      events,
      plannedEvents: input.plannedEvents,
      capacity: input.pipeline.capacity,
      target: input.data.summary.target,
      generatedAt,
      fleet,
      ...(options.images === undefined ? {} : { images: options.images }),
    });
    const scenarios = withRecommendedCapacity(allScenarios(successes), planned.plan);
    await writeTextFile(join(out, 'scenarios.csv'), scenariosCsv(scenarios, fleet));
    await writeTextFile(join(out, 'anomalies.csv'), anomaliesCsv(tables, fleet));
    await writeTextFile(join(out, 'spike-events.json'), spikeEventsJson(tables, fleet));
    files.unshift('scenarios.csv', 'anomalies.csv', 'spike-events.json');
    files.push(...planned.files.filter((f) => !files.includes(f)));
    Object.assign(result, {
      plan: planned.plan,
      dashboard: planned.dashboard,
      dashboardSeries: planned.dashboardSeries,
    });
  }

  const runDir = options.kind === 'fit' ? modelDirOf(options) : out;
  const manifest = {
    cdf: { version: options.version, command: options.command },
    generated_at: toIsoUtc(generatedAt),
    input: { file: options.input, summary: input.data.summary },
    parameters: { horizon: spec.horizon, seed: spec.seed, config: options.config ?? null, spec },
    stages: [
      { stage: 'anomalies', use: input.pipeline.anomalies.use, params: input.pipeline.anomalies.params },
      ...(input.pipeline.baseline.kind === 'auto'
        ? input.pipeline.baseline.candidates.map((c) => ({
            stage: 'baseline (candidate)',
            use: c.resolved.use,
            name: c.resolved.name,
            version: c.resolved.version ?? null,
            params: c.params,
          }))
        : [
            {
              stage: 'baseline',
              use: input.pipeline.baseline.choice.resolved.use,
              name: input.pipeline.baseline.choice.resolved.name,
              version: input.pipeline.baseline.choice.resolved.version ?? null,
              params: input.pipeline.baseline.choice.params,
            },
          ]),
      ...(['spikes', 'quantile', 'capacity'] as const).map((stage) => ({
        stage,
        use: input.pipeline[stage].use,
        name: input.pipeline[stage].name,
        version: input.pipeline[stage].version ?? null,
        source: input.pipeline[stage].source,
        params: input.pipeline[stage].params,
      })),
    ],
    backtest: backtestMetrics(successes),
    series: successes.map((s) => ({
      id: s.id,
      status: 'ok',
      ms: s.ms,
      stages: s.stages,
      ...(s.baselineSelection ? { baseline_selection: jsonSafeScores(s.baselineSelection) } : {}),
    })),
    failures: input.failures,
    timings_ms: { ...input.timings },
    threads: input.threads,
    report: {
      target: input.data.summary.target,
      fleet,
      planned_events: input.plannedEvents.map((e) => ({ ...e, start: toIsoUtc(e.start) })),
      ...(result.dashboardSeries ? { dashboard_series: result.dashboardSeries } : {}),
    },
    outputs: [...files, RUN_FILE],
  };
  await writeTextFile(join(runDir, RUN_FILE), formatJson(manifest));
  files.push(RUN_FILE);
  return result;
}
