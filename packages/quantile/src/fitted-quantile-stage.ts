import {
  type BaselineForecast,
  CdfError,
  CdfErrorCode,
  type FittedModel,
  type PlannedEvent,
  SAVED_MODEL_SCHEMA_VERSION,
  type SavedModel,
  SavedModelSchema,
  type ScenarioFrame,
  type Series,
  validate,
} from '@cdf/core';
import { assembleScenarios, type CapacityRule, type SpikeInput } from './assemble-scenarios.ts';
import { blendForecast } from './blend-weights.ts';
import {
  type CalendarMultipliers,
  futureTimes,
  regressorView,
  withCalendarPutBack,
} from './calendar-divided.ts';
import { type LevelRegressor, loadLevelRegressor } from './level-regressor.ts';
import { type QuantileParams, resolveQuantileParams } from './quantile-params.ts';
import { recentLevel } from './recent-level.ts';
import type { ResidualTable } from './residual-table.ts';
import { QUANTILE_STAGE_NAME, type QuantileState, QuantileStateSchema } from './saved-quantile-stage.ts';
import { robustSpikeMask } from './spike-mask.ts';
import { withoutPlannedEvents } from './without-planned-events.ts';

/** The learned parts of a {@link FittedQuantileStage}. */
export interface QuantileStageParts {
  params: QuantileParams;
  horizon: number;
  weights: readonly number[];
  table: ResidualTable;
  regressor: LevelRegressor | null;
  notes: readonly string[];
  /** True when the regressor learned demand with the baseline's calendar divided out. */
  calendar?: boolean;
}

/** What {@link FittedQuantileStage.assemble} needs. */
export interface AssembleRequest {
  /** The history to forecast from (its last point is the origin); the regressor reads its features. */
  history: Series;
  /** The baseline forecast of the steps after `history` (made without planned events). */
  baseline: Float64Array | BaselineForecast;
  /** Spike probability and magnitude per step, from the spike stage. */
  spikes?: SpikeInput;
  /**
   * 1 where a point of `history` is a spike (the spike stage's detections): those points are
   * replaced by normal demand before the regressor reads its features, as in fitting. Default:
   * the robust internal mask of the history.
   */
  spikeMask?: Uint8Array;
  /**
   * The baseline's calendar (its `calendarMultipliers`). Required when the stage was fitted with
   * one (`usesCalendar`): the regressor reads the history with it divided out and its forecast is
   * multiplied by it again. Ignored otherwise.
   */
  calendar?: CalendarMultipliers;
  /** Planned launches to fold in. */
  plannedEvents?: readonly PlannedEvent[];
  /** Fills `recommended_capacity`. */
  capacity?: CapacityRule;
  /** Written into every row. */
  seriesId?: string;
}

/**
 * A fitted quantile stage: the blend weights, the level regressor and the calibrated residual
 * table. `assemble` turns a baseline forecast (and spike forecasts) into the scenario frame.
 * Holds WASM memory once the regressor has run: call {@link free} when done.
 */
export class FittedQuantileStage implements FittedModel {
  readonly stage = 'quantile' as const;
  readonly name = QUANTILE_STAGE_NAME;
  /** Parameters it was fitted with. */
  readonly params: QuantileParams;
  /** Longest calibrated horizon, in steps (longer requests use the last bucket). */
  readonly horizon: number;
  /** The baseline's blend weight per horizon bucket. */
  readonly weights: readonly number[];
  /** The calibrated residual table. */
  readonly table: ResidualTable;
  /** What fitting did: rows, weights, fallbacks. */
  readonly notes: readonly string[];
  /** True when the regressor learned demand with the baseline's calendar divided out (assembly needs it then). */
  readonly usesCalendar: boolean;
  readonly #regressor: LevelRegressor | null;

  /** Assemble from parts (internal: use `fitQuantileStage` or `loadQuantileStage`). */
  constructor(parts: QuantileStageParts) {
    this.params = parts.params;
    this.horizon = parts.horizon;
    this.weights = parts.weights;
    this.table = parts.table;
    this.notes = parts.notes;
    this.#regressor = parts.regressor;
    this.usesCalendar = parts.calendar === true && parts.regressor !== null;
  }

  /** True when the point forecast blends in the XGBoost regressor. */
  get hasRegressor(): boolean {
    return this.#regressor !== null;
  }

  /**
   * The blended point forecast of normal demand for the steps after `view`: the history as the
   * regressor reads it (`regressorView`: spike points filled, and the calendar divided out when
   * the stage `usesCalendar`, which then multiplies the regressor's forecast by `calendar` again).
   */
  async pointForecast(
    view: Series,
    baseline: Float64Array,
    calendar?: CalendarMultipliers,
  ): Promise<Float64Array> {
    const regressor = this.#regressor
      ? withCalendarPutBack(
          await this.#regressor.predict(view, baseline.length),
          view,
          this.usesCalendar ? calendar : undefined,
        )
      : undefined;
    return blendForecast(baseline, regressor, this.weights, this.params.horizonBuckets);
  }

  /**
   * The scenario frame for the steps the baseline forecast covers. See `assembleScenarios`. The
   * planned events' profile is divided out of `history` and its spike points are replaced by
   * normal demand before the regressor reads it (it learned normal demand), and the profile is
   * multiplied into every column at the end; the point forecast is floored at
   * `params.forecastFloor` times the history's recent level, as in calibration.
   */
  async assemble(request: AssembleRequest): Promise<ScenarioFrame> {
    const history = withoutPlannedEvents(request.history, request.plannedEvents);
    const baseline = request.baseline instanceof Float64Array ? request.baseline : request.baseline.point;
    const timestamps =
      request.baseline instanceof Float64Array
        ? futureTimes(history, baseline.length)
        : request.baseline.timestamps;
    const mask = request.spikeMask ?? robustSpikeMask(history);
    if (!(mask instanceof Uint8Array) || mask.length !== history.values.length) {
      throw new CdfError(CdfErrorCode.SchemaMismatch, 'the spike mask does not match the history', {
        column: 'spikeMask',
        value: String((mask as { length?: number }).length),
        expected: `a Uint8Array of ${history.values.length} values (1 = spike)`,
      });
    }
    if (this.usesCalendar && request.calendar === undefined) {
      throw new CdfError(
        CdfErrorCode.InvalidConfig,
        "this quantile stage was fitted with the baseline's calendar: pass it to assemble as `calendar`",
        { column: 'calendar', value: 'undefined', expected: "the baseline's calendarMultipliers" },
      );
    }
    const calendar = this.usesCalendar ? request.calendar : undefined;
    const view = regressorView(history, mask, calendar);
    const point = await this.pointForecast(view, baseline, calendar);
    return assembleScenarios({
      timestamps,
      point,
      table: this.table,
      floor: this.params.forecastFloor * recentLevel(history),
      spikeLogSd: this.params.spikeLogSd,
      ...(request.spikes ? { spikes: request.spikes } : {}),
      ...(request.plannedEvents ? { plannedEvents: request.plannedEvents } : {}),
      ...(request.capacity ? { capacity: request.capacity } : {}),
      ...(request.seriesId === undefined ? {} : { seriesId: request.seriesId }),
    });
  }

  /** The fitted stage as a `SavedModel`; {@link loadQuantileStage} restores it exactly. */
  toJSON(): SavedModel {
    const state: QuantileState = {
      horizon: this.horizon,
      weights: [...this.weights],
      table: this.table,
      regressor: this.#regressor ? this.#regressor.toJSON() : null,
      notes: [...this.notes],
      ...(this.usesCalendar ? { calendar: true } : {}),
    };
    return {
      schemaVersion: SAVED_MODEL_SCHEMA_VERSION,
      stage: 'quantile',
      name: QUANTILE_STAGE_NAME,
      version: '0.1.0',
      params: { ...this.params },
      state,
    };
  }

  /** Release the regressor's WASM memory (it reloads if used again). */
  free(): void {
    this.#regressor?.free();
  }
}

/**
 * Restore a stage saved with `toJSON()` (the object or its JSON text). Throws a CdfError
 * (INCOMPATIBLE_MODEL) for anything else. The regressor's booster loads on first use.
 */
export function loadQuantileStage(saved: unknown): FittedQuantileStage {
  let value = saved;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (cause) {
      throw new CdfError(CdfErrorCode.IncompatibleModel, 'the saved quantile stage is not JSON', { cause });
    }
  }
  const envelope = validate(SavedModelSchema, value, {
    what: 'saved quantile stage',
    code: CdfErrorCode.IncompatibleModel,
  });
  if (envelope.stage !== 'quantile' || envelope.name !== QUANTILE_STAGE_NAME) {
    throw new CdfError(CdfErrorCode.IncompatibleModel, 'the saved model is not a conformal quantile stage', {
      column: 'name',
      value: `${envelope.stage}:${envelope.name}`,
      expected: `quantile:${QUANTILE_STAGE_NAME}`,
    });
  }
  const params = resolveQuantileParams(envelope.params);
  const state = validate(QuantileStateSchema, envelope.state, {
    what: 'saved quantile state',
    code: CdfErrorCode.IncompatibleModel,
  });
  return new FittedQuantileStage({
    params,
    horizon: state.horizon,
    weights: state.weights,
    table: state.table,
    regressor: state.regressor ? loadLevelRegressor(state.regressor) : null,
    notes: state.notes,
    calendar: state.calendar === true,
  });
}
