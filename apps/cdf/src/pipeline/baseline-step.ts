import { type CandidateScore, selectBaseline } from '@cdf/baseline';
import { CdfError, CdfErrorCode, type FittedBaseline, type PlannedEvent, type Series } from '@cdf/core';
import type { BaselineCandidateChoice, ResolvedPipeline } from './resolved-pipeline.ts';
import { stepsPerDay } from './steps-per-day.ts';

/** A fitted baseline and how it was chosen. */
export interface BaselineStepResult {
  fitted: FittedBaseline;
  choice: BaselineCandidateChoice;
  /** The selection backtest's scores per candidate (auto baseline only). */
  selection?: CandidateScore[];
  /** Why no selection ran, when it could not (too little history). */
  selectionNote?: string;
}

/**
 * Fit the run's baseline on `series` (skipping masked points). With the auto baseline, first
 * pick the candidate with the lowest mean MASE (or sMAPE) over `origins` rolling origins on the
 * tail, each `min(horizon, 168)` steps long; with too little history for that, the first
 * candidate is used and the reason noted.
 */
export async function fitBaselineStep(
  pipeline: ResolvedPipeline,
  series: Series,
  options: { mask: Uint8Array; plannedEvents: readonly PlannedEvent[]; seed: number; signal?: AbortSignal },
): Promise<BaselineStepResult> {
  const fitOptions = { seed: options.seed, ...(options.signal ? { signal: options.signal } : {}) };
  const fit = (choice: BaselineCandidateChoice) =>
    choice.resolved.plugin
      .create(choice.params)
      .fit({ series, mask: options.mask, plannedEvents: options.plannedEvents }, fitOptions);

  const { baseline } = pipeline;
  const n = series.values.length;
  const period = stepsPerDay(series.stepMs);
  if (baseline.kind === 'single')
    return fitSingle(baseline.choice, series, fit, pipeline, options, fitOptions, period);

  const horizon = Math.min(pipeline.spec.horizon, 168, Math.floor((n - period - 1) / baseline.origins));
  const first = baseline.candidates[0]!;
  if (baseline.candidates.length === 1 || horizon < 1) {
    const note =
      baseline.candidates.length === 1
        ? 'one candidate: no selection'
        : `too little history to compare candidates (${n} points): used ${first.label}`;
    return { fitted: await fit(first), choice: first, selectionNote: note };
  }
  const selection = await selectBaseline(
    series,
    baseline.candidates.map((c) => ({ plugin: c.resolved.plugin, params: c.params, label: c.label })),
    {
      horizon,
      origins: baseline.origins,
      metric: baseline.metric,
      mask: options.mask,
      plannedEvents: options.plannedEvents,
      fit: fitOptions,
    },
  );
  const chosen = baseline.candidates.find((c) => c.label === selection.label);
  if (chosen === undefined) {
    throw new CdfError(
      CdfErrorCode.ModelFailed,
      `baseline selection chose an unknown candidate "${selection.label}"`,
    );
  }
  return {
    fitted: await fit(chosen),
    choice: chosen,
    selection: selection.scores,
    selectionNote: `chosen by ${baseline.metric.toUpperCase()} over ${baseline.origins} rolling origins of ${horizon} steps`,
  };
}

/**
 * A single configured baseline: score it on one holdout of the tail (the last `min(horizon, 168)`
 * steps, fitted on what comes before) so run.json carries an out-of-sample metric for every run,
 * then fit it on the whole history. Too little history for a holdout: no score, noted.
 */
async function fitSingle(
  choice: BaselineCandidateChoice,
  series: Series,
  fit: (choice: BaselineCandidateChoice) => Promise<FittedBaseline>,
  pipeline: ResolvedPipeline,
  options: { mask: Uint8Array; plannedEvents: readonly PlannedEvent[] },
  fitOptions: { seed: number; signal?: AbortSignal },
  period: number,
): Promise<BaselineStepResult> {
  const n = series.values.length;
  const horizon = Math.min(pipeline.spec.horizon, 168, Math.floor((n - period - 1) / 2));
  if (horizon < 1) {
    return {
      fitted: await fit(choice),
      choice,
      selectionNote: `too little history (${n} points) for a holdout score`,
    };
  }
  let selection: CandidateScore[] | undefined;
  let selectionNote: string;
  try {
    const scored = await selectBaseline(
      series,
      [{ plugin: choice.resolved.plugin, params: choice.params, label: choice.label }],
      {
        horizon,
        origins: 1,
        metric: 'mase',
        mask: options.mask,
        plannedEvents: options.plannedEvents,
        fit: fitOptions,
      },
    );
    selection = scored.scores;
    selectionNote = `scored on a holdout of the last ${horizon} steps`;
  } catch (error) {
    // The holdout is a report, not a gate: a model that cannot fit the shorter history still runs.
    selectionNote = `holdout score unavailable: ${CdfError.isInstance(error) ? error.message : String(error)}`;
  }
  return { fitted: await fit(choice), choice, ...(selection ? { selection } : {}), selectionNote };
}
