import type {
  Estimator,
  FittedModel,
  PlannedEvent,
  SavedModel,
  ScenarioFrame,
  Series,
  SpikeType,
} from '@cdf/core';

/*
 * The app's contracts for the stages @cdf/core does not type yet (spikes over the horizon,
 * scenario assembly). A team's plug-in for these stages implements the same shapes; the
 * spike stage's built-in adapter (spike-predictor-plugin.ts) and @cdf/quantile's `quantilePlugin`
 * are examples.
 */

/**
 * A baseline's learned calendar (`FittedBaseline.calendarMultipliers`): demand at each of
 * `timestamps` as a multiple of ordinary demand, 1 on an ordinary day.
 */
export type BaselineCalendar = (timestamps: Float64Array) => Float64Array;

/** What a spike model fits on. */
export interface SpikeFitInput {
  series: Series;
  /** 1 where the history point was anomalous (the detector's verdict). */
  anomalies: Uint8Array;
  /** The detector's spike type per point ('' outside spikes); a plug-in may ignore it. */
  spikeTypes?: readonly (SpikeType | '')[];
  plannedEvents: readonly PlannedEvent[];
  /** Longest horizon it must serve, in steps. */
  horizon: number;
}

/** A spike forecast request: from the end of `history`, `horizon` steps. */
export interface SpikeForecastRequest {
  horizon: number;
  plannedEvents: readonly PlannedEvent[];
  /**
   * The newest history, its anomaly mask and the detector's spike types; the forecast starts one
   * step after its last point.
   */
  history: { series: Series; anomalies: Uint8Array; spikeTypes?: readonly (SpikeType | '')[] };
}

/** Spike probability and magnitude (demand over the baseline if a spike, 3 = 3x) per step. */
export interface SpikeForecastColumns {
  probability: Float64Array;
  magnitude: Float64Array;
}

/** A fitted spike model. */
export interface FittedSpikeModel extends FittedModel {
  readonly stage: 'spikes';
  readonly notes: readonly string[];
  predict(request: SpikeForecastRequest): SpikeForecastColumns;
  /** Release native memory, if any. */
  free?(): void;
}

/** A spike stage plug-in (`spikes.use`). `load` may be asynchronous (WASM models). */
export interface SpikeStagePlugin {
  readonly stage: 'spikes';
  readonly name: string;
  readonly description: string;
  create(params?: unknown): Estimator<SpikeFitInput, FittedSpikeModel>;
  load(saved: SavedModel): FittedSpikeModel | Promise<FittedSpikeModel>;
}

/** A point forecaster the quantile stage calibrates: history in, `horizon` values out (no planned events). */
export type PointForecaster = (train: Series, horizon: number) => Promise<Float64Array>;

/** What a quantile stage fits on (the shape of @cdf/quantile's `QuantileFitInput`). */
export interface QuantileFitInput {
  series: Series;
  /** Longest horizon to calibrate, in steps. */
  horizon: number;
  /** Refits the pipeline's baseline on a shorter history, for out-of-sample calibration. */
  baseline: PointForecaster;
  /** 1 where a history point is inside a spike (the anomaly stage's verdicts). */
  spikes?: Uint8Array;
  /**
   * Fewest points of history `baseline` needs to fit (its `capabilities.minHistory`): a stage
   * that backtests should not place an origin with less. Stages that do not backtest ignore it.
   */
  baselineMinHistory?: number;
  /**
   * The fitted baseline's calendar (its `calendarMultipliers`), when it has one: a stage may see
   * the history as the baseline does (a holiday is not a fall in demand). Stages may ignore it.
   */
  calendar?: BaselineCalendar;
  /** The calendar of the baseline refitted on a calibration origin's history `train`. */
  calendarFor?: (train: Series) => Promise<BaselineCalendar | undefined>;
}

/** What a fitted quantile stage turns into scenarios (@cdf/quantile's `AssembleRequest`). */
export interface ScenarioRequest {
  /** The history the forecast starts from (its last point is the origin). */
  history: Series;
  /** The baseline's forecast of the steps after `history`, without planned events. */
  baseline: Float64Array;
  /** Spike forecasts, when the spike stage ran. */
  spikes?: SpikeForecastColumns;
  /** Planned launches to fold in. */
  plannedEvents?: readonly PlannedEvent[];
  /**
   * 1 where a point of `history` is not normal demand, as the mask given to fit as `spikes`
   * marks it (detected spikes, launch plateaus, far-elevated stretches). Stages may ignore it.
   */
  spikeMask?: Uint8Array;
  /** The baseline's calendar, when it has one (as given to fit). */
  calendar?: BaselineCalendar;
  /** Written into every row for fleets. */
  seriesId?: string;
}

/** A fitted quantile stage. */
export interface FittedQuantileModel extends FittedModel {
  readonly stage: 'quantile';
  readonly notes: readonly string[];
  assemble(request: ScenarioRequest): ScenarioFrame | Promise<ScenarioFrame>;
  /** Release native memory, if any. */
  free?(): void;
}

/** A quantile stage plug-in (`quantile.use`), e.g. @cdf/quantile's `quantilePlugin`. */
export interface QuantileStagePlugin {
  readonly stage: 'quantile';
  readonly name: string;
  readonly description: string;
  create(params?: unknown): Estimator<QuantileFitInput, FittedQuantileModel>;
  load(saved: SavedModel): FittedQuantileModel | Promise<FittedQuantileModel>;
}
