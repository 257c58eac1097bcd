import type {
  BaselineCapabilities,
  BaselineForecast,
  BaselineInput,
  BaselinePredictRequest,
  FitOptions,
  PlannedEvent,
  SavedModel,
  Series,
} from '@cdf/core';
import { z } from 'zod';
import { throwIfAborted } from '../shared/abort-check.ts';
import type { CdfBaselineEstimator, CdfBaselinePlugin, UpdatableBaseline } from '../shared/baseline-kinds.ts';
import { empiricalInterval, residualOffsets } from '../shared/empirical-interval.ts';
import { eventMultipliers, mergeEvents } from '../shared/event-profile.ts';
import { extendHistory } from '../shared/extend-history.ts';
import { futureTimestamps } from '../shared/forecast-grid.ts';
import { assertHistory } from '../shared/history-check.ts';
import { assertHorizon } from '../shared/horizon-check.ts';
import { parseParams } from '../shared/parse-params.ts';
import { openSavedModel, savedModel } from '../shared/saved-model.ts';
import { seasonPoints } from '../shared/seasonal-period.ts';
import { skipMask } from '../shared/skip-mask.ts';
import {
  restoreHistory,
  type StoredHistory,
  StoredHistorySchema,
  storeHistory,
} from '../shared/stored-history.ts';
import { ensembleCalendar } from './ensemble-calendar.ts';
import { type FittedCandidate, fitCandidate } from './ensemble-candidates.ts';
import {
  cleanHistory,
  type EnsembleSelection,
  mstlSettings,
  restoreSelection,
  StoredSelectionSchema,
  selectCandidates,
  storeSelection,
} from './ensemble-choice.ts';
import { type EnsembleParams, EnsembleParamsSchema } from './ensemble-params.ts';

/** Registry name of the ensemble baseline. */
export const ENSEMBLE_NAME = '@cdf/baseline#ensemble';

/** Fewest points: two days of steps (what MSTL and the daily profiles need), at least 10. */
function ensembleMinHistory(stepMs: number): number {
  return Math.max(10, 2 * seasonPoints(stepMs, 'day'));
}

/** What the ensemble can do: two days of history, empirical intervals, planned events as a prior. */
export function ensembleCapabilities(): BaselineCapabilities {
  return { minHistory: ensembleMinHistory, supportsIntervals: true, supportsPlannedEvents: true };
}

function formatScore(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : 'n/a';
}

/**
 * Fit the ensemble: divide planned events and learned calendar effects (holidays, quarter ends)
 * out, fill skipped points by phase (a week earlier),
 * rank the candidates by MASE on the history's own tail (`selectCandidates`, skipped when a
 * saved `selection` is given), refit the `combine` best on the whole history and average their
 * forecasts. Intervals come from the combination's validation errors.
 */
export function fitEnsemble(
  params: EnsembleParams,
  series: Series,
  skip: Uint8Array,
  events: readonly PlannedEvent[],
  selection?: EnsembleSelection,
): UpdatableBaseline {
  assertHistory(ENSEMBLE_NAME, ensembleMinHistory(series.stepMs), series.stepMs, skip);
  const n = series.values.length;
  const history = eventMultipliers(events, series.timestamps);
  const calendar = ensembleCalendar(params, series, skip, history);
  for (let t = 0; t < n; t++) history[t]! *= calendar.multipliers[t]!;
  const clean = cleanHistory(series, skip, history);
  const chosenSelection = selection ?? selectCandidates(params, clean, skip, series);
  const { ranking, residuals, validationHorizon, chosen } = chosenSelection;
  const mstl = mstlSettings(params, series.stepMs, n, validationHorizon);
  const members: FittedCandidate[] = chosen.map((name) => fitCandidate(name, clean, series, mstl));
  const offsetsFor = (level: number) => residualOffsets(residuals, level);
  const lastTimestamp = series.timestamps[n - 1]!;
  const stored = storeHistory(series, skip, [], [...events]);
  const scores = ranking.map((c) => `${c.name} ${formatScore(c.mase)}`).join(', ');
  const notes = [
    `ensemble: mean of ${chosen.join(' + ')}, chosen by MASE on the last ${params.validationWindows} x ${validationHorizon} points of the history (${scores})`,
    ...calendar.notes,
  ];
  const inSample = (): Float64Array => {
    const out = new Float64Array(n);
    const parts = members.map((m) => m.inSample());
    for (let t = 0; t < n; t++) {
      let sum = 0;
      for (const part of parts) sum += part[t]!;
      out[t] = (sum / parts.length) * history[t]!;
    }
    return out;
  };
  return {
    stage: 'baseline',
    name: ENSEMBLE_NAME,
    lastTimestamp,
    stepMs: series.stepMs,
    fallbacks: 0,
    notes,
    predict(request: BaselinePredictRequest): BaselineForecast {
      assertHorizon(request.horizon);
      const timestamps = futureTimestamps(lastTimestamp, series.stepMs, request.horizon);
      const multipliers = eventMultipliers(mergeEvents(events, request.events), timestamps);
      const days = calendar.effects?.multipliers(timestamps);
      if (days !== undefined) for (let h = 0; h < request.horizon; h++) multipliers[h]! *= days[h]!;
      const forecasts = members.map((m) => m.forecast(request.horizon));
      const point = new Float64Array(request.horizon);
      for (let h = 0; h < request.horizon; h++) {
        let sum = 0;
        for (const f of forecasts) sum += f[h]!;
        point[h] = Math.max(0, (sum / forecasts.length) * multipliers[h]!);
      }
      if (request.level === undefined) return { timestamps, point };
      // validation errors are measured up to `validationHorizon` ahead; widen beyond it
      const interval = empiricalInterval(point, offsetsFor(request.level), (h) =>
        Math.sqrt(Math.max(1, h / validationHorizon)),
      );
      return { timestamps, point, ...interval, level: request.level };
    },
    inSample: () => ({ timestamps: Float64Array.from(series.timestamps), point: inSample() }),
    calendarMultipliers: (timestamps: Float64Array): Float64Array =>
      calendar.effects?.multipliers(timestamps) ?? new Float64Array(timestamps.length).fill(1),
    toJSON: (): SavedModel => saveEnsemble(params, stored, chosenSelection),
    async update(next, options: FitOptions = {}) {
      throwIfAborted(options.signal);
      const extended = extendHistory(stored, next);
      return fitEnsemble(params, extended.series, extended.skip, extended.events);
    },
  };
}

function saveEnsemble(
  params: EnsembleParams,
  stored: StoredHistory,
  selection: EnsembleSelection,
): SavedModel {
  return savedModel(ENSEMBLE_NAME, { ...params }, { history: stored, selection: storeSelection(selection) });
}

/** Create an ensemble estimator; bad parameters throw INVALID_CONFIG. */
export function createEnsembleBaseline(params?: unknown): CdfBaselineEstimator {
  const parsed = parseParams(EnsembleParamsSchema, params, ENSEMBLE_NAME);
  return {
    stage: 'baseline',
    name: ENSEMBLE_NAME,
    params: parsed,
    capabilities: ensembleCapabilities(),
    async fit(input: BaselineInput, options: FitOptions = {}) {
      throwIfAborted(options.signal);
      const skip = skipMask(input.series, input.mask);
      return fitEnsemble(parsed, input.series, skip, input.plannedEvents ?? []);
    },
  };
}

/**
 * The ensemble baseline (cdf's default): per series, rank simple seasonal candidates (seasonal
 * naive by day and week, week and day profiles with and without a level correction) and
 * MSTL + ETS by MASE on the series' own last days, and average the best two. Combinations of
 * simple methods chosen on the series' own tail are robust on M4 hourly (see the README).
 */
export const ensembleBaseline: CdfBaselinePlugin = {
  stage: 'baseline',
  name: ENSEMBLE_NAME,
  description:
    'Ensemble: the two best of seasonal naive, seasonal profiles and MSTL + ETS on the series tail',
  capabilities: ensembleCapabilities(),
  create: createEnsembleBaseline,
  load(saved: unknown) {
    const { params, state } = openSavedModel(saved, ENSEMBLE_NAME, StateSchema);
    const parsed = parseParams(EnsembleParamsSchema, withoutNewCycles(params), ENSEMBLE_NAME);
    const { series, skip } = restoreHistory(state.history);
    // every candidate is deterministic: refitting the chosen members on the stored history
    // rebuilds the same model; the stored selection spares the validation fits (models saved
    // before it was stored validate again, to the same result)
    const selection = state.selection === undefined ? undefined : restoreSelection(state.selection);
    return fitEnsemble(parsed, series, skip, state.history.events, selection);
  },
};

/**
 * Saved params whose calendar predates `phaseCycles` load with it off, so a model saved before
 * the month and quarter cycles existed forecasts as it did when it was saved.
 */
function withoutNewCycles(params: unknown): unknown {
  if (typeof params !== 'object' || params === null) return params;
  const calendar = (params as { calendar?: unknown }).calendar;
  if (typeof calendar !== 'object' || calendar === null || 'phaseCycles' in calendar) return params;
  return { ...params, calendar: { ...calendar, phaseCycles: false } };
}

const StateSchema = z.object({
  history: StoredHistorySchema,
  selection: StoredSelectionSchema.optional(),
});
