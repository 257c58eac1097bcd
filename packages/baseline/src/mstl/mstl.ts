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
import { augursMstl } from '../augurs/augurs-wasm.ts';
import { fitSeasonalNaive } from '../seasonal-naive/seasonal-naive.ts';
import { throwIfAborted } from '../shared/abort-check.ts';
import type { CdfBaselineEstimator, CdfBaselinePlugin, UpdatableBaseline } from '../shared/baseline-kinds.ts';
import { errorMessage } from '../shared/error-message.ts';
import { eventMultipliers, mergeEvents } from '../shared/event-profile.ts';
import { extendHistory } from '../shared/extend-history.ts';
import { futureTimestamps } from '../shared/forecast-grid.ts';
import { assertHistory } from '../shared/history-check.ts';
import { assertHorizon } from '../shared/horizon-check.ts';
import { parseParams } from '../shared/parse-params.ts';
import { fillByPhase } from '../shared/phase-fill.ts';
import { openSavedModel, savedModel } from '../shared/saved-model.ts';
import { skipMask } from '../shared/skip-mask.ts';
import { restoreHistory, StoredHistorySchema, storeHistory } from '../shared/stored-history.ts';
import { type MstlParams, MstlParamsSchema } from './mstl-params.ts';
import { mstlMinHistory, usablePeriods } from './mstl-periods.ts';

/** Registry name of the MSTL + ETS baseline. */
export const MSTL_NAME = '@cdf/baseline#mstl';

/** What MSTL can do with these parameters: two cycles of its shortest period, intervals from ETS. */
export function mstlCapabilities(params: MstlParams = {}): BaselineCapabilities {
  return {
    minHistory: (stepMs) => mstlMinHistory(stepMs, params.periods),
    supportsIntervals: true,
    supportsPlannedEvents: true,
  };
}

/**
 * Fit MSTL with an AutoETS trend on a series whose skipped points are known. Skipped points
 * are replaced by the last observed value of the same phase (MSTL takes no missing values),
 * planned events in the history are divided out and re-applied to the forecast. When augurs
 * fails, falls back to seasonal naive and says so in `notes`. Exported for Prophet's fallback.
 */
export function fitMstl(
  params: MstlParams,
  series: Series,
  skip: Uint8Array,
  events: readonly PlannedEvent[],
  notes: readonly string[] = [],
): UpdatableBaseline {
  assertHistory(MSTL_NAME, mstlMinHistory(series.stepMs, params.periods), series.stepMs, skip);
  const n = series.values.length;
  const periods = usablePeriods(series.stepMs, n, params.periods);
  const history = eventMultipliers(events, series.timestamps);
  const adjusted = new Float64Array(n);
  for (let i = 0; i < n; i++) adjusted[i] = series.values[i]! / history[i]!;
  const clean = fillByPhase(adjusted, skip, periods[periods.length - 1] ?? 1);
  const stored = storeHistory(series, skip, [], [...events]);
  const update = async (next: Parameters<UpdatableBaseline['update']>[0], options: FitOptions = {}) => {
    throwIfAborted(options.signal);
    const extended = extendHistory(stored, next);
    return fitMstl(params, extended.series, extended.skip, extended.events, notes);
  };

  let model: InstanceType<ReturnType<typeof augursMstl>['MSTL']>;
  let inSample: Float64Array;
  try {
    model = augursMstl().MSTL.ets(periods);
    model.fit(clean);
    inSample = Float64Array.from(model.predictInSample().point, (v, i) => v * history[i]!);
    assertFinite(inSample);
  } catch (error) {
    const reason = `mstl failed: ${errorMessage(error)}; fell back to seasonal naive`;
    const fallback = fitSeasonalNaive({ season: 'day' }, series, skip, events, [...notes, reason]);
    return { ...fallback, name: MSTL_NAME, fallbacks: 1, toJSON: () => saveMstl(params, stored, 1), update };
  }

  const lastTimestamp = series.timestamps[n - 1]!;
  return {
    stage: 'baseline',
    name: MSTL_NAME,
    lastTimestamp,
    stepMs: series.stepMs,
    fallbacks: 0,
    notes: [...notes, `mstl: periods [${periods.join(', ')}] with an AutoETS trend`],
    predict(request: BaselinePredictRequest): BaselineForecast {
      assertHorizon(request.horizon);
      const timestamps = futureTimestamps(lastTimestamp, series.stepMs, request.horizon);
      const multipliers = eventMultipliers(mergeEvents(events, request.events), timestamps);
      const raw = model.predict(request.horizon, request.level ?? null);
      const point = Float64Array.from(raw.point, (v, i) => Math.max(0, v * multipliers[i]!));
      if (request.level === undefined || raw.intervals === undefined) return { timestamps, point };
      const lower = Float64Array.from(raw.intervals.lower, (v, i) => Math.max(0, v * multipliers[i]!));
      const upper = Float64Array.from(raw.intervals.upper, (v, i) =>
        Math.max(lower[i]!, v * multipliers[i]!),
      );
      return { timestamps, point, lower, upper, level: raw.intervals.level };
    },
    inSample: () => ({
      timestamps: Float64Array.from(series.timestamps),
      point: Float64Array.from(inSample),
    }),
    toJSON: () => saveMstl(params, stored, 0),
    update,
  };
}

function saveMstl(
  params: MstlParams,
  stored: z.infer<typeof StoredHistorySchema>,
  fallbacks: number,
): SavedModel {
  return savedModel(MSTL_NAME, { ...params }, { history: stored, fallbacks });
}

function assertFinite(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) throw new Error(`non-finite fitted value at point ${i}`);
  }
}

/** Create an MSTL + ETS estimator; bad parameters throw INVALID_CONFIG. */
export function createMstlBaseline(params?: unknown): CdfBaselineEstimator {
  const parsed = parseParams(MstlParamsSchema, params, MSTL_NAME);
  return {
    stage: 'baseline',
    name: MSTL_NAME,
    params: parsed,
    capabilities: mstlCapabilities(parsed),
    async fit(input: BaselineInput, options: FitOptions = {}) {
      throwIfAborted(options.signal);
      return fitMstl(parsed, input.series, skipMask(input.series, input.mask), input.plannedEvents ?? []);
    },
  };
}

/**
 * MSTL (multiple seasonal-trend decomposition by LOESS) with an AutoETS trend, from augurs:
 * the fast alternative to Prophet, with ETS prediction intervals.
 */
export const mstlBaseline: CdfBaselinePlugin = {
  stage: 'baseline',
  name: MSTL_NAME,
  description: 'MSTL + AutoETS (augurs): daily and weekly seasonality, ETS trend and intervals',
  capabilities: mstlCapabilities(),
  create: createMstlBaseline,
  load(saved: unknown) {
    const { params, state } = openSavedModel(saved, MSTL_NAME, StateSchema);
    const parsed = parseParams(MstlParamsSchema, params, MSTL_NAME);
    const { series, skip } = restoreHistory(state.history);
    // MSTL + ETS is deterministic: refitting the stored history rebuilds the same model
    return fitMstl(parsed, series, skip, state.history.events);
  },
};

const StateSchema = z.object({ history: StoredHistorySchema, fallbacks: z.number().int().nonnegative() });
