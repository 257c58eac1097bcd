import type { ProphetTrainingData } from '@bsull/augurs/prophet';
import {
  type BaselineCapabilities,
  type BaselineForecast,
  type BaselineInput,
  type BaselinePredictRequest,
  CdfError,
  CdfErrorCode,
  DAY_MS,
  type FitOptions,
  type PlannedEvent,
  type SavedModel,
  type Series,
} from '@cdf/core';
import { z } from 'zod';
import { fitMstl } from '../mstl/mstl.ts';
import { fitSeasonalNaive } from '../seasonal-naive/seasonal-naive.ts';
import { throwIfAborted } from '../shared/abort-check.ts';
import type { CdfBaselineEstimator, CdfBaselinePlugin, UpdatableBaseline } from '../shared/baseline-kinds.ts';
import { empiricalInterval, residualOffsets } from '../shared/empirical-interval.ts';
import { errorMessage } from '../shared/error-message.ts';
import { eventMultipliers, mergeEvents } from '../shared/event-profile.ts';
import { extendHistory } from '../shared/extend-history.ts';
import { futureTimestamps } from '../shared/forecast-grid.ts';
import { assertHistory } from '../shared/history-check.ts';
import { assertHorizon } from '../shared/horizon-check.ts';
import { parseParams } from '../shared/parse-params.ts';
import { openSavedModel, savedModel } from '../shared/saved-model.ts';
import { skipMask } from '../shared/skip-mask.ts';
import { restoreHistory, StoredHistorySchema, storeHistory } from '../shared/stored-history.ts';
import {
  defaultProphetOptimizer,
  fitProphetEngine,
  type ProphetEngine,
  type ProphetOptimizer,
  replayProphetEngine,
  type StoredProphetParams,
  StoredProphetParamsSchema,
} from './prophet-engine.ts';
import {
  assertRegressorColumns,
  EVENT_REGRESSOR,
  eventRowCount,
  futureRegressor,
  historyRegressor,
  MIN_EVENT_POINTS,
  predictionFrame,
  trainingFrame,
  trainingRows,
} from './prophet-frame.ts';
import { type ProphetParams, ProphetParamsSchema } from './prophet-params.ts';
import { type ResolvedSeasonality, resolveSeasonality } from './prophet-seasonality.ts';

/** Registry name of the Prophet baseline. */
export const PROPHET_NAME = '@cdf/baseline#prophet';

/** Things a Prophet baseline runs with that are not parameters (they are not saved). */
export interface ProphetRuntime {
  /** The optimizer; default the WebAssembly Stan model. */
  optimizer?: ProphetOptimizer;
}

/** Prophet needs two days of history at sub-daily steps (and at least 10 points). */
export function prophetMinHistory(stepMs: number): number {
  return Math.max(10, stepMs < DAY_MS ? Math.ceil((2 * DAY_MS) / stepMs) : 10);
}

/** What the Prophet baseline can do: residual-based intervals, learned or prior planned events. */
export function prophetCapabilities(): BaselineCapabilities {
  return { minHistory: prophetMinHistory, supportsIntervals: true, supportsPlannedEvents: true };
}

type EngineKind = 'prophet' | 'mstl' | 'seasonal-naive';

/** Everything derived from the history that a Prophet fit (or its replay) needs. */
interface ProphetContext {
  params: ProphetParams;
  series: Series;
  skip: Uint8Array;
  events: PlannedEvent[];
  seed: number;
  seasonality: ResolvedSeasonality;
  learnEvents: boolean;
  /** Planned-event multipliers over the history. */
  historyMultipliers: Float64Array;
  training: ProphetTrainingData;
  /** Regressor values over the history (for in-sample predictions). */
  historyRegressors: Map<string, Float64Array>;
  notes: string[];
}

function prepare(
  params: ProphetParams,
  series: Series,
  skip: Uint8Array,
  events: PlannedEvent[],
  seed: number,
) {
  assertRegressorColumns(series, params.regressors);
  assertHistory(PROPHET_NAME, prophetMinHistory(series.stepMs), series.stepMs, skip);
  const n = series.values.length;
  const seasonality = resolveSeasonality(params, series.stepMs, n);
  const historyMultipliers = eventMultipliers(events, series.timestamps);
  const rows = trainingRows(series, skip, params.regressors);
  const eventRows = eventRowCount(rows, historyMultipliers);
  const learnEvents = eventRows >= MIN_EVENT_POINTS;
  const notes = [seasonality.note];
  let trainOn = series;
  let eventColumn: Float64Array | undefined;
  if (learnEvents) {
    eventColumn = historyMultipliers.map((m) => m - 1);
    notes.push(`planned events: effect learned from ${eventRows} observed event points`);
  } else {
    // no comparable event to learn from: divide any out and apply the planned profile as a prior
    const adjusted = series.values.map((v, i) => v / historyMultipliers[i]!);
    trainOn = { ...series, values: adjusted, columns: { ...series.columns, [series.target]: adjusted } };
    if (events.length > 0)
      notes.push('planned events: no observed event in the history; profile applied as a prior');
  }
  const historyRegressors = new Map<string, Float64Array>();
  for (const r of params.regressors) historyRegressors.set(r.name, historyRegressor(series, r.name));
  if (eventColumn) historyRegressors.set(EVENT_REGRESSOR, eventColumn);
  const training = trainingFrame(trainOn, rows, params, eventColumn);
  const context: ProphetContext = {
    params,
    series,
    skip,
    events,
    seed,
    seasonality,
    learnEvents,
    historyMultipliers,
    training,
    historyRegressors,
    notes,
  };
  return context;
}

function inSampleOf(ctx: ProphetContext, engine: ProphetEngine): Float64Array {
  const raw = engine.predict(predictionFrame(ctx.series.timestamps, ctx.params, ctx.historyRegressors));
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = ctx.learnEvents ? raw[i]! : raw[i]! * ctx.historyMultipliers[i]!;
    if (!Number.isFinite(v)) throw new Error(`non-finite fitted value at point ${i}`);
    out[i] = Math.max(0, v);
  }
  return out;
}

interface FitState {
  engine: EngineKind;
  mode?: 'additive' | 'multiplicative';
  optimized?: StoredProphetParams;
  fallbacks: number;
  notes: string[];
}

function toSaved(ctx: ProphetContext, state: FitState): SavedModel {
  const history = storeHistory(
    ctx.series,
    ctx.skip,
    ctx.params.regressors.map((r) => r.name),
    ctx.events,
  );
  return savedModel(PROPHET_NAME, { ...ctx.params }, { ...state, history, seed: ctx.seed });
}

function makeUpdate(ctx: ProphetContext, runtime: ProphetRuntime, warm: StoredProphetParams | undefined) {
  return async (next: Parameters<UpdatableBaseline['update']>[0], options: FitOptions = {}) => {
    throwIfAborted(options.signal);
    const stored = storeHistory(
      ctx.series,
      ctx.skip,
      ctx.params.regressors.map((r) => r.name),
      ctx.events,
    );
    const extended = extendHistory(stored, next);
    const seed = options.seed ?? ctx.seed;
    return fitProphetChain(ctx.params, extended.series, extended.skip, extended.events, runtime, seed, warm);
  };
}

function prophetFitted(
  ctx: ProphetContext,
  engine: ProphetEngine,
  state: FitState,
  runtime: ProphetRuntime,
): UpdatableBaseline {
  const { series, params } = ctx;
  const n = series.values.length;
  const lastTimestamp = series.timestamps[n - 1]!;
  const inSample = inSampleOf(ctx, engine);
  const residuals: number[] = [];
  for (let i = 0; i < n; i++) if (ctx.skip[i] === 0) residuals.push(series.values[i]! - inSample[i]!);
  const notes = state.notes;
  let fallbacks = state.fallbacks;
  let rescue: UpdatableBaseline | undefined;

  const prophetPoint = (timestamps: Float64Array, multipliers: Float64Array): Float64Array => {
    const regressors = new Map<string, Float64Array>();
    for (const r of params.regressors) regressors.set(r.name, futureRegressor(series, r, timestamps.length));
    if (ctx.learnEvents)
      regressors.set(
        EVENT_REGRESSOR,
        multipliers.map((m) => m - 1),
      );
    const raw = engine.predict(predictionFrame(timestamps, params, regressors));
    const point = new Float64Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const v = ctx.learnEvents ? raw[i]! : raw[i]! * multipliers[i]!;
      if (!Number.isFinite(v)) throw new Error(`non-finite forecast at step ${i + 1}`);
      point[i] = Math.max(0, v);
    }
    return point;
  };

  return {
    stage: 'baseline',
    name: PROPHET_NAME,
    lastTimestamp,
    stepMs: series.stepMs,
    notes,
    get fallbacks() {
      return fallbacks;
    },
    predict(request: BaselinePredictRequest): BaselineForecast {
      assertHorizon(request.horizon);
      const timestamps = futureTimestamps(lastTimestamp, series.stepMs, request.horizon);
      const multipliers = eventMultipliers(mergeEvents(ctx.events, request.events), timestamps);
      let point: Float64Array;
      try {
        point = prophetPoint(timestamps, multipliers);
      } catch (error) {
        if (!params.fallback) throw modelFailed('prophet predict', error);
        notes.push(`prophet predict failed: ${errorMessage(error)}; fell back to seasonal naive`);
        fallbacks++;
        rescue ??= fitSeasonalNaive({ season: 'day' }, series, ctx.skip, ctx.events);
        return rescue.predict(request);
      }
      if (request.level === undefined) return { timestamps, point };
      return {
        timestamps,
        point,
        ...empiricalInterval(point, residualOffsets(residuals, request.level)),
        level: request.level,
      };
    },
    inSample: () => ({
      timestamps: Float64Array.from(series.timestamps),
      point: Float64Array.from(inSample),
    }),
    toJSON: () => toSaved(ctx, { ...state, fallbacks, notes: [...notes] }),
    update: makeUpdate(ctx, runtime, engine.optimized),
  };
}

function wrapFallback(
  ctx: ProphetContext,
  inner: UpdatableBaseline,
  state: FitState,
  runtime: ProphetRuntime,
): UpdatableBaseline {
  const fallbacks = state.fallbacks + inner.fallbacks;
  const notes = [...state.notes, ...inner.notes.filter((n) => !state.notes.includes(n))];
  return {
    stage: 'baseline',
    name: PROPHET_NAME,
    lastTimestamp: inner.lastTimestamp,
    stepMs: inner.stepMs,
    notes,
    fallbacks,
    predict: (request) => inner.predict(request),
    inSample: () => inner.inSample(),
    toJSON: () => toSaved(ctx, { engine: state.engine, fallbacks, notes }),
    update: makeUpdate(ctx, runtime, undefined),
  };
}

function modelFailed(what: string, error: unknown): CdfError {
  return new CdfError(CdfErrorCode.ModelFailed, `${what} failed: ${errorMessage(error)}`, { cause: error });
}

/**
 * Fit Prophet, falling down the chain on failure: multiplicative Prophet (if asked), additive
 * Prophet, MSTL, seasonal naive. Each failure is one `fallbacks` and one line in `notes`.
 */
function fitProphetChain(
  params: ProphetParams,
  series: Series,
  skip: Uint8Array,
  events: PlannedEvent[],
  runtime: ProphetRuntime,
  seed: number,
  warm?: StoredProphetParams,
  options: FitOptions = {},
): UpdatableBaseline {
  const ctx = prepare(params, series, skip, events, seed);
  const optimizer = runtime.optimizer ?? defaultProphetOptimizer;
  const modes: Array<'additive' | 'multiplicative'> =
    params.seasonalityMode === 'multiplicative' ? ['multiplicative', 'additive'] : ['additive'];
  const notes = [...ctx.notes];
  let fallbacks = 0;
  for (const [i, mode] of modes.entries()) {
    throwIfAborted(options.signal);
    options.onProgress?.({ label: `baseline: prophet ${mode}`, done: i, total: modes.length });
    const spec = { params, mode, seasonality: ctx.seasonality, learnEvents: ctx.learnEvents, seed };
    try {
      const engine = fitProphetEngine(spec, ctx.training, optimizer, warm);
      if (warm)
        notes.push(
          engine.warmStarted
            ? 'update: warm start from the previous fit'
            : 'update: cold start (model shape changed)',
        );
      const state: FitState = { engine: 'prophet', mode, optimized: engine.optimized, fallbacks, notes };
      const fitted = prophetFitted(ctx, engine, state, runtime);
      notes.push(`prophet ${mode}: fitted on ${ctx.training.y.length} of ${series.values.length} points`);
      return fitted;
    } catch (error) {
      if (!params.fallback) throw modelFailed(`prophet ${mode}`, error);
      const next = modes[i + 1] ? `prophet ${modes[i + 1]}` : 'mstl';
      notes.push(`prophet ${mode} failed: ${errorMessage(error)}; fell back to ${next}`);
      fallbacks++;
    }
  }
  try {
    const inner = fitMstl({}, series, skip, events, notes);
    return wrapFallback(ctx, inner, { engine: 'mstl', fallbacks, notes }, runtime);
  } catch (error) {
    notes.push(`mstl failed: ${errorMessage(error)}; fell back to seasonal naive`);
    const inner = fitSeasonalNaive({ season: 'day' }, series, skip, events, notes);
    return wrapFallback(ctx, inner, { engine: 'seasonal-naive', fallbacks: fallbacks + 1, notes }, runtime);
  }
}

/**
 * Create a Prophet estimator; bad parameters throw INVALID_CONFIG. `runtime.optimizer`
 * replaces the WebAssembly Stan optimizer (a native one, or a failing one in tests).
 */
export function createProphetBaseline(params?: unknown, runtime: ProphetRuntime = {}): CdfBaselineEstimator {
  const parsed = parseParams(ProphetParamsSchema, params, PROPHET_NAME);
  return {
    stage: 'baseline',
    name: PROPHET_NAME,
    params: parsed,
    capabilities: prophetCapabilities(),
    async fit(input: BaselineInput, options: FitOptions = {}) {
      throwIfAborted(options.signal);
      const skip = skipMask(input.series, input.mask);
      const events = [...(input.plannedEvents ?? [])];
      return fitProphetChain(
        parsed,
        input.series,
        skip,
        events,
        runtime,
        options.seed ?? 0,
        undefined,
        options,
      );
    },
  };
}

const StateSchema = z.object({
  history: StoredHistorySchema,
  engine: z.enum(['prophet', 'mstl', 'seasonal-naive']),
  mode: z.enum(['additive', 'multiplicative']).optional(),
  optimized: StoredProphetParamsSchema.optional(),
  seed: z.number().int(),
  fallbacks: z.number().int().nonnegative(),
  notes: z.array(z.string()),
});

/** Restore a saved Prophet baseline (see {@link prophetBaseline}). */
export function loadProphetBaseline(saved: unknown, runtime: ProphetRuntime = {}): UpdatableBaseline {
  const { params, state } = openSavedModel(saved, PROPHET_NAME, StateSchema);
  const parsed = parseParams(ProphetParamsSchema, params, PROPHET_NAME);
  const { series, skip } = restoreHistory(state.history);
  const ctx = prepare(parsed, series, skip, state.history.events, state.seed);
  const fitState: FitState = { engine: state.engine, fallbacks: state.fallbacks, notes: [...state.notes] };
  if (state.engine === 'prophet') {
    if (!state.optimized || !state.mode) {
      throw new CdfError(CdfErrorCode.InvalidConfig, 'saved Prophet state lacks its fitted parameters', {
        column: 'state.optimized',
      });
    }
    const spec = {
      params: parsed,
      mode: state.mode,
      seasonality: ctx.seasonality,
      learnEvents: ctx.learnEvents,
      seed: state.seed,
    };
    const engine = replayProphetEngine(spec, ctx.training, state.optimized);
    return prophetFitted(ctx, engine, { ...fitState, mode: state.mode, optimized: state.optimized }, runtime);
  }
  // a fallback model: MSTL and seasonal naive refit deterministically from the history
  const inner =
    state.engine === 'mstl'
      ? fitMstl({}, series, skip, ctx.events)
      : fitSeasonalNaive({ season: 'day' }, series, skip, ctx.events);
  return wrapFallback(ctx, { ...inner, fallbacks: 0, notes: [] }, fitState, runtime);
}

/**
 * Prophet (the real Stan model, as WebAssembly through augurs): linear or logistic trend,
 * daily/weekly/yearly seasonality by span, extra regressors, planned events learned or
 * applied as a prior, masked and filled points left out, and a fallback chain.
 */
export const prophetBaseline: CdfBaselinePlugin = {
  stage: 'baseline',
  name: PROPHET_NAME,
  description: 'Prophet (Stan via augurs WASM) with planned events, regressors and a fallback chain',
  capabilities: prophetCapabilities(),
  create: (params?: unknown) => createProphetBaseline(params),
  load: (saved: unknown) => loadProphetBaseline(saved),
};
