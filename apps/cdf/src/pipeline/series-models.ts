import type { CandidateScore } from '@cdf/baseline';
import {
  type BaselinePlugin,
  CdfError,
  CdfErrorCode,
  type FittedBaseline,
  type PlannedEvent,
  SavedModelSchema,
  type Series,
  validate,
} from '@cdf/core';
import type { Detection } from '@cdf/spikes';
import { z } from 'zod';
import { resolvePlugin } from '../config/resolve-plugin.ts';
import { calendarOf, originBaseline } from './baseline-calendar.ts';
import { baselineHistory } from './baseline-history.ts';
import { baselineMinHistory } from './baseline-min-history.ts';
import { fitBaselineStep } from './baseline-step.ts';
import { detectHistory } from './history-anomalies.ts';
import { normalMaskOf } from './normal-mask.ts';
import { loadWith, type ResolvedPipeline } from './resolved-pipeline.ts';
import type { FittedQuantileModel, FittedSpikeModel } from './stage-contracts.ts';
import { type StageRecord, timed } from './stage-record.ts';

/** The fitted models of one series: what `model/` holds per series, live. */
export interface SeriesModels {
  id: string;
  baseline: { fitted: FittedBaseline; use: string; params: Record<string, unknown> };
  /** The spike model, or why there is none (too few spikes in the history to learn from). */
  spikes: { fitted: FittedSpikeModel } | { skipped: string };
  quantile: { fitted: FittedQuantileModel };
}

/** {@link SeriesModels} as JSON: one SavedModel per stage. */
export const SavedSeriesModelsSchema = z.object({
  id: z.string().min(1),
  baseline: z.object({ use: z.string(), params: z.record(z.string(), z.unknown()), saved: SavedModelSchema }),
  spikes: z.union([z.object({ saved: SavedModelSchema }), z.object({ skipped: z.string() })]),
  quantile: z.object({ saved: SavedModelSchema }),
});
/** Saved models of one series. */
export type SavedSeriesModels = z.output<typeof SavedSeriesModelsSchema>;

/** What fitting one series produced besides its models. */
export interface SeriesFit {
  models: SeriesModels;
  detection: Detection;
  /** The points the baseline and the quantile stage were fitted without (`normalMaskOf`). */
  normalMask: Uint8Array;
  stages: StageRecord[];
  /** Baseline selection scores (auto baseline), for run.json's backtest metrics. */
  baselineSelection?: CandidateScore[];
}

/** Progress and cancellation for the steps of one series. */
export interface SeriesStepOptions {
  /** Called as each stage starts: `baseline`, `spikes`, ... */
  onStage?: (stage: string) => void;
  signal?: AbortSignal;
}

/**
 * Fit every model stage on one series: anomalies on the history (the mask), the baseline on the
 * unmasked points, the spike model on the mask, and the quantile stage by backtesting the
 * baseline. A spike model that finds too little to learn from (INSUFFICIENT_HISTORY) is skipped
 * and said so; every other failure is the series' failure.
 */
export async function fitSeriesModels(
  pipeline: ResolvedPipeline,
  series: Series,
  plannedEvents: readonly PlannedEvent[],
  options: SeriesStepOptions = {},
): Promise<SeriesFit> {
  const { spec } = pipeline;
  const stages: StageRecord[] = [];
  const signal = options.signal ? { signal: options.signal } : {};
  const end = series.timestamps[series.timestamps.length - 1]! + series.stepMs;

  options.onStage?.('anomalies');
  const detected = await timed(() => detectHistory(pipeline.anomalies, series, plannedEvents));
  const detection = detected.value;
  const mask = detection.isAnomaly;
  stages.push({
    stage: 'anomalies',
    name: pipeline.anomalies.use,
    use: pipeline.anomalies.use,
    status: 'ran',
    ms: detected.ms,
    notes: [
      `${mask.reduce((a, b) => a + b, 0)} anomalous points, ${detection.events.length} spike events at sensitivity ${detection.sensitivity}`,
    ],
  });

  options.onStage?.('baseline');
  const history = baselineHistory(series, plannedEvents, end);
  // what the baseline and the calibration leave out (normalMaskOf)
  const normalMask = normalMaskOf(series, mask);
  const base = await timed(() =>
    fitBaselineStep(pipeline, history.series, {
      mask: normalMask,
      plannedEvents: history.plannedEvents,
      seed: spec.seed,
      ...signal,
    }),
  );
  const { choice } = base.value;
  stages.push({
    stage: 'baseline',
    name: base.value.fitted.name,
    use: choice.resolved.use,
    ...(choice.resolved.version === undefined ? {} : { version: choice.resolved.version }),
    status: 'ran',
    ms: base.ms,
    notes: [...base.value.fitted.notes, ...(base.value.selectionNote ? [base.value.selectionNote] : [])],
  });

  options.onStage?.('spikes');
  const spikesUse = pipeline.spikes;
  let spikes: SeriesModels['spikes'];
  const spikeFit = await timed(async () => {
    try {
      return await spikesUse.plugin
        .create(spikesUse.params)
        .fit(
          { series, anomalies: mask, spikeTypes: detection.spikeTypes, plannedEvents, horizon: spec.horizon },
          { seed: spec.seed, ...signal },
        );
    } catch (error) {
      // Too few spikes to learn from: skip the stage, and say so.
      if (CdfError.isInstance(error) && error.code === CdfErrorCode.InsufficientHistory) return error;
      throw error;
    }
  });
  if (CdfError.isInstance(spikeFit.value)) {
    const reason = `no spike model: ${spikeFit.value.toLine()}; spike probability is 0 and the quantiles come from all residuals`;
    spikes = { skipped: reason };
    stages.push(stageOf('spikes', spikesUse, spikeFit.ms, [], 'skipped', reason));
  } else {
    spikes = { fitted: spikeFit.value };
    stages.push(stageOf('spikes', spikesUse, spikeFit.ms, [...spikeFit.value.notes]));
  }

  options.onStage?.('quantile');
  const atOrigins = originBaseline((train) => {
    const trainEnd = train.timestamps[train.timestamps.length - 1]! + train.stepMs;
    const seen = baselineHistory(train, plannedEvents, trainEnd);
    return choice.resolved.plugin.create(choice.params).fit(
      {
        series: seen.series,
        mask: normalMask.subarray(0, train.values.length),
        plannedEvents: seen.plannedEvents,
      },
      { seed: spec.seed },
    );
  });
  const quantileUse = pipeline.quantile;
  const quantileFit = await timed(() =>
    quantileUse.plugin.create(quantileUse.params).fit(
      {
        series,
        horizon: spec.horizon,
        baseline: atOrigins.forecaster,
        spikes: normalMask,
        // the stage places its calibration origins so that each keeps what the baseline needs
        baselineMinHistory: baselineMinHistory(choice.resolved.plugin, choice.params, series.stepMs),
        // the regressor divides out the calendar the baseline learned from the same history
        ...calendarOf(base.value.fitted),
        calendarFor: atOrigins.calendarFor,
      },
      { seed: spec.seed, ...signal },
    ),
  );
  stages.push(stageOf('quantile', quantileUse, quantileFit.ms, [...quantileFit.value.notes]));

  return {
    models: {
      id: series.id,
      baseline: { fitted: base.value.fitted, use: choice.resolved.use, params: choice.params },
      spikes,
      quantile: { fitted: quantileFit.value },
    },
    detection,
    normalMask,
    stages,
    ...(base.value.selection ? { baselineSelection: base.value.selection } : {}),
  };
}

function stageOf(
  stage: string,
  used: { use: string; name: string; version?: string },
  ms: number,
  notes: string[],
  status: 'ran' | 'skipped' = 'ran',
  reason?: string,
): StageRecord {
  return {
    stage,
    name: used.name,
    use: used.use,
    ...(used.version === undefined ? {} : { version: used.version }),
    status,
    ...(reason === undefined ? {} : { reason }),
    ms,
    notes,
  };
}

/** The models as JSON, one SavedModel per stage. */
export function saveSeriesModels(models: SeriesModels): SavedSeriesModels {
  return {
    id: models.id,
    baseline: {
      use: models.baseline.use,
      params: models.baseline.params,
      saved: models.baseline.fitted.toJSON(),
    },
    spikes:
      'skipped' in models.spikes
        ? { skipped: models.spikes.skipped }
        : { saved: models.spikes.fitted.toJSON() },
    quantile: { saved: models.quantile.fitted.toJSON() },
  };
}

/**
 * Restore a series' models with the pipeline's plug-ins (the baseline's own `use`, which for an
 * auto baseline is the candidate chosen at fit time). No model is refitted by this code; what a
 * plug-in's `load` costs is its own (MSTL's, for one, refits its stored history).
 */
export async function loadSeriesModels(
  pipeline: ResolvedPipeline,
  raw: unknown,
  file: string,
): Promise<SeriesModels> {
  const saved = validate(SavedSeriesModelsSchema, raw, {
    what: 'saved series models',
    code: CdfErrorCode.IncompatibleModel,
    file,
  });
  const candidates =
    pipeline.baseline.kind === 'auto' ? pipeline.baseline.candidates : [pipeline.baseline.choice];
  const known = candidates.find((c) => c.resolved.use === saved.baseline.use);
  const baselinePlugin =
    known?.resolved.plugin ??
    (
      await resolvePlugin<BaselinePlugin>(saved.baseline.use, 'baseline', 'baseline.use', {
        ...(pipeline.spec.configDir === undefined ? {} : { configDir: pipeline.spec.configDir }),
      })
    ).plugin;
  const baseline = baselinePlugin.load(saved.baseline.saved);
  const spikes: SeriesModels['spikes'] =
    'skipped' in saved.spikes
      ? { skipped: saved.spikes.skipped }
      : { fitted: await loadWith(pipeline.spikes.plugin, saved.spikes.saved) };
  const quantile = await loadWith(pipeline.quantile.plugin, saved.quantile.saved);
  return {
    id: saved.id,
    baseline: { fitted: baseline, use: saved.baseline.use, params: saved.baseline.params },
    spikes,
    quantile: { fitted: quantile },
  };
}
