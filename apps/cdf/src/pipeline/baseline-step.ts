import { type CandidateScore, selectBaseline } from '@cdf/baseline';
import {
  CdfError,
  CdfErrorCode,
  DAY_MS,
  type FittedBaseline,
  type PlannedEvent,
  type Series,
} from '@cdf/core';
import type { BaselineCandidateChoice, ResolvedPipeline } from './resolved-pipeline.ts';

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
  if (baseline.kind === 'single') return { fitted: await fit(baseline.choice), choice: baseline.choice };

  const n = series.values.length;
  const period = Math.max(1, Math.round(DAY_MS / series.stepMs));
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
