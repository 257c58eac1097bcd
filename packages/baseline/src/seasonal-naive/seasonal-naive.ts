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
import { restoreHistory, StoredHistorySchema, storeHistory } from '../shared/stored-history.ts';
import { futurePhase, seasonalNaiveCore } from './seasonal-naive-core.ts';
import { type SeasonalNaiveParams, SeasonalNaiveParamsSchema } from './seasonal-naive-params.ts';

/** Registry name of the seasonal naive baseline. */
export const SEASONAL_NAIVE_NAME = '@cdf/baseline#seasonal-naive';

/** What the seasonal naive baseline can do with these parameters: it needs one full season. */
export function seasonalNaiveCapabilities(
  params: SeasonalNaiveParams = { season: 'day' },
): BaselineCapabilities {
  return {
    minHistory: (stepMs) => seasonPoints(stepMs, params.season),
    supportsIntervals: true,
    supportsPlannedEvents: true,
  };
}

/**
 * Fit the seasonal naive model on a series whose skipped points are already known. Exported
 * for the other baselines, which fall back to it when their own fit fails.
 */
export function fitSeasonalNaive(
  params: SeasonalNaiveParams,
  series: Series,
  skip: Uint8Array,
  events: readonly PlannedEvent[],
  notes: readonly string[] = [],
): UpdatableBaseline {
  const period = seasonPoints(series.stepMs, params.season);
  assertHistory(SEASONAL_NAIVE_NAME, period, series.stepMs, skip);
  const history = eventMultipliers(events, series.timestamps);
  const adjusted = new Float64Array(series.values.length);
  for (let i = 0; i < adjusted.length; i++) adjusted[i] = series.values[i]! / history[i]!;
  const core = seasonalNaiveCore(adjusted, skip, period);
  const inSample = new Float64Array(adjusted.length);
  const residuals: number[] = [];
  for (let i = 0; i < inSample.length; i++) {
    inSample[i] = core.inSample[i]! * history[i]!;
    if (skip[i] === 0 && Number.isFinite(inSample[i]!)) residuals.push(series.values[i]! - inSample[i]!);
  }
  const n = series.values.length;
  const lastTimestamp = series.timestamps[n - 1]!;
  const stored = storeHistory(series, skip, [], [...events]);
  const allNotes = [...notes, `seasonal naive: repeats the last ${params.season} (${period} points)`];

  const fitted: UpdatableBaseline = {
    stage: 'baseline',
    name: SEASONAL_NAIVE_NAME,
    lastTimestamp,
    stepMs: series.stepMs,
    notes: allNotes,
    fallbacks: 0,
    predict(request: BaselinePredictRequest): BaselineForecast {
      assertHorizon(request.horizon);
      const timestamps = futureTimestamps(lastTimestamp, series.stepMs, request.horizon);
      const multipliers = eventMultipliers(mergeEvents(events, request.events), timestamps);
      const point = new Float64Array(request.horizon);
      for (let h = 1; h <= request.horizon; h++) {
        point[h - 1] = Math.max(0, core.phaseValues[futurePhase(n, h, period)]! * multipliers[h - 1]!);
      }
      if (request.level === undefined) return { timestamps, point };
      // a naive forecast k seasons ahead accumulates k seasonal errors: widen by sqrt(k)
      const interval = empiricalInterval(point, residualOffsets(residuals, request.level), (h) =>
        Math.sqrt(Math.ceil(h / period)),
      );
      return { timestamps, point, ...interval, level: request.level };
    },
    inSample: () => ({
      timestamps: Float64Array.from(series.timestamps),
      point: Float64Array.from(inSample),
    }),
    toJSON: (): SavedModel => savedModel(SEASONAL_NAIVE_NAME, { ...params }, { history: stored }),
    async update(next, options: FitOptions = {}) {
      throwIfAborted(options.signal);
      const extended = extendHistory(stored, next);
      return fitSeasonalNaive(params, extended.series, extended.skip, extended.events, notes);
    },
  };
  return fitted;
}

/** Create a seasonal naive estimator; bad parameters throw INVALID_CONFIG. */
export function createSeasonalNaiveBaseline(params?: unknown): CdfBaselineEstimator {
  const parsed = parseParams(SeasonalNaiveParamsSchema, params, SEASONAL_NAIVE_NAME);
  return {
    stage: 'baseline',
    name: SEASONAL_NAIVE_NAME,
    params: parsed,
    capabilities: seasonalNaiveCapabilities(parsed),
    async fit(input: BaselineInput, options: FitOptions = {}) {
      throwIfAborted(options.signal);
      const skip = skipMask(input.series, input.mask);
      return fitSeasonalNaive(parsed, input.series, skip, input.plannedEvents ?? []);
    },
  };
}

/**
 * The seasonal naive baseline: repeats the last day (or week), skipping filled and masked
 * points. The floor every other model must beat.
 */
export const seasonalNaiveBaseline: CdfBaselinePlugin = {
  stage: 'baseline',
  name: SEASONAL_NAIVE_NAME,
  description: 'Seasonal naive: repeats the last day (or week) of observed values',
  capabilities: seasonalNaiveCapabilities(),
  create: createSeasonalNaiveBaseline,
  load(saved: unknown) {
    const { params, state } = openSavedModel(saved, SEASONAL_NAIVE_NAME, StateSchema);
    const parsed = parseParams(SeasonalNaiveParamsSchema, params, SEASONAL_NAIVE_NAME);
    const { series, skip } = restoreHistory(state.history);
    return fitSeasonalNaive(parsed, series, skip, state.history.events);
  },
};

const StateSchema = z.object({ history: StoredHistorySchema });
