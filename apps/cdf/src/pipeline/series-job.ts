import type { CandidateScore } from '@cdf/baseline';
import { CdfError, type PlannedEvent, type ScenarioFrame, type Series } from '@cdf/core';
import type { Detection } from '@cdf/spikes';
import type { PipelineSpec } from './pipeline-spec.ts';
import { type ResolvedPipeline, resolvePipeline } from './resolved-pipeline.ts';
import { forecastSeries } from './series-forecast.ts';
import {
  fitSeriesModels,
  loadSeriesModels,
  type SavedSeriesModels,
  type SeriesModels,
  saveSeriesModels,
} from './series-models.ts';
import type { StageRecord } from './stage-record.ts';

/**
 * One series' work, as plain data so it can cross into a worker thread: `forecast` fits and
 * forecasts, `fit` fits and saves, `predict` loads saved models and forecasts.
 */
export interface SeriesJob {
  kind: 'forecast' | 'fit' | 'predict';
  spec: PipelineSpec;
  series: Series;
  plannedEvents: PlannedEvent[];
  /** Written into the scenario rows (fleets); absent for a single series. */
  seriesId?: string;
  /** The saved models (`predict`). */
  saved?: SavedSeriesModels;
  /** Where the saved models came from, for messages. */
  modelFile?: string;
}

/** A series that succeeded: what it produced. */
export interface SeriesSuccess {
  ok: true;
  id: string;
  /** Saved models (`forecast`, `fit`). */
  saved?: SavedSeriesModels;
  scenarios?: ScenarioFrame;
  detection?: Detection;
  /** Fit stages then forecast stages, in order. */
  stages: StageRecord[];
  baselineSelection?: CandidateScore[];
  /** Wall-clock time of the whole job, ms. */
  ms: number;
}

/** A series that failed: its error as data (the other series go on). */
export interface SeriesFailure {
  ok: false;
  id: string;
  error: { code: string; message: string; line: string };
}

/** The outcome of a {@link SeriesJob}. */
export type SeriesOutcome = SeriesSuccess | SeriesFailure;

const pipelines = new Map<string, Promise<ResolvedPipeline>>();

/** The resolved pipeline of a spec, once per thread (contracts were checked by the caller). */
function pipelineFor(spec: PipelineSpec): Promise<ResolvedPipeline> {
  const key = JSON.stringify(spec);
  let pipeline = pipelines.get(key);
  if (pipeline === undefined) {
    pipeline = resolvePipeline(spec, { checkContracts: false });
    pipelines.set(key, pipeline);
    pipeline.catch(() => pipelines.delete(key));
  }
  return pipeline;
}

/**
 * Run one series job. Never throws: a failure becomes a {@link SeriesFailure} carrying the
 * error's code and one-line message (cdf errors), or `INTERNAL` (anything else, a bug).
 */
export async function runSeriesJob(
  job: SeriesJob,
  options: { onStage?: (stage: string) => void; pipeline?: ResolvedPipeline; throwErrors?: boolean } = {},
): Promise<SeriesOutcome> {
  const start = performance.now();
  const id = job.series.id;
  try {
    const pipeline = options.pipeline ?? (await pipelineFor(job.spec));
    const onStage = options.onStage ? { onStage: options.onStage } : {};
    const seriesId = job.seriesId === undefined ? {} : { seriesId: job.seriesId };
    if (job.kind === 'predict') {
      const models = await loadSeriesModels(pipeline, job.saved, job.modelFile ?? 'model');
      const forecast = await forecastSeries(pipeline, models, job.series, job.plannedEvents, {
        ...onStage,
        ...seriesId,
      });
      freeModels(models);
      return {
        ok: true,
        id,
        scenarios: forecast.scenarios,
        detection: forecast.detection,
        stages: forecast.stages,
        ms: elapsed(start),
      };
    }
    const fit = await fitSeriesModels(pipeline, job.series, job.plannedEvents, onStage);
    const saved = saveSeriesModels(fit.models);
    const selection = fit.baselineSelection ? { baselineSelection: fit.baselineSelection } : {};
    if (job.kind === 'fit') {
      freeModels(fit.models);
      return {
        ok: true,
        id,
        saved,
        detection: fit.detection,
        stages: fit.stages,
        ...selection,
        ms: elapsed(start),
      };
    }
    const forecast = await forecastSeries(pipeline, fit.models, job.series, job.plannedEvents, {
      ...onStage,
      ...seriesId,
      detection: fit.detection,
      normalMask: fit.normalMask,
    });
    freeModels(fit.models);
    return {
      ok: true,
      id,
      saved,
      scenarios: forecast.scenarios,
      detection: fit.detection,
      stages: [...fit.stages, ...forecast.stages.map((s) => ({ ...s, stage: `${s.stage} (forecast)` }))],
      ...selection,
      ms: elapsed(start),
    };
  } catch (error) {
    if (options.throwErrors) throw error;
    return { ok: false, id, error: errorData(error) };
  }
}

function freeModels(models: SeriesModels): void {
  if ('fitted' in models.spikes) models.spikes.fitted.free?.();
  models.quantile.fitted.free?.();
}

function elapsed(start: number): number {
  return Math.round(performance.now() - start);
}

/** An error as plain data: code, message and the one line the CLI prints. */
export function errorData(error: unknown): SeriesFailure['error'] {
  if (CdfError.isInstance(error)) return { code: error.code, message: error.message, line: error.toLine() };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message, line: `internal error: ${message}` };
}
