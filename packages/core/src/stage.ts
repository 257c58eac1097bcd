import { z } from 'zod';
import type { PlannedEvent } from './schemas/events.ts';
import type { Series } from './schemas/series.ts';

/** The pipeline stages; each has its own contract below. */
export const StageKindSchema = z.enum(['features', 'baseline', 'spikes', 'quantile', 'capacity']);
/** A stage kind. */
export type StageKind = z.infer<typeof StageKindSchema>;

/** Progress of long work, for TTY progress bars. */
export interface Progress {
  /** What is running: "baseline: prophet". */
  label: string;
  /** Units done so far. */
  done: number;
  /** Units in all (when known). */
  total?: number;
}

/** Options every `fit` accepts. */
export interface FitOptions {
  /** Stop early; a fit that sees the signal aborted throws a CdfError with code ABORTED. */
  signal?: AbortSignal;
  /** Called as work advances. */
  onProgress?: (progress: Progress) => void;
  /** Seed for every random choice; the same input and seed give byte-identical output. */
  seed?: number;
}

/** The version of the {@link SavedModel} envelope; bump on incompatible change. */
export const SAVED_MODEL_SCHEMA_VERSION = 1;

/** A fitted model serialised to JSON: `load` on the same plug-in restores it exactly. */
export const SavedModelSchema = z.object({
  schemaVersion: z.literal(SAVED_MODEL_SCHEMA_VERSION),
  stage: StageKindSchema,
  /** Registry name of the implementation, e.g. `@cdf/baseline#prophet`. */
  name: z.string().min(1),
  /** Version of the package that saved it. */
  version: z.string().optional(),
  /** The parameters it was built with (already parsed). */
  params: z.record(z.string(), z.unknown()),
  /** Learned state, implementation-specific JSON. */
  state: z.unknown(),
});
/** A saved model envelope. */
export type SavedModel = z.infer<typeof SavedModelSchema>;

/**
 * An unfitted stage: parameters in, a fitted model out. `fit` never mutates the estimator,
 * so one estimator can fit many series.
 */
export interface Estimator<Input, Fitted> {
  readonly stage: StageKind;
  /** Registry key, written into saved models and run manifests. */
  readonly name: string;
  /** Parsed parameters (defaults filled in). */
  readonly params: Readonly<Record<string, unknown>>;
  fit(input: Input, options?: FitOptions): Promise<Fitted>;
}

/** What every fitted model can do: say what it is and save itself. */
export interface FittedModel {
  readonly stage: StageKind;
  readonly name: string;
  toJSON(): SavedModel;
}

/**
 * A stage implementation as a plug-in: what a config's `use: "package#export"` names.
 * `create` parses `params` with the implementation's zod schema (throwing a CdfError with
 * code INVALID_CONFIG on bad params) and `load` restores a saved fitted model.
 */
export interface StagePlugin<E extends Estimator<unknown, F>, F extends FittedModel = FittedModel> {
  readonly stage: StageKind;
  readonly name: string;
  /** One-line description for `--help` and run manifests. */
  readonly description: string;
  create(params?: unknown): E;
  load(saved: SavedModel): F;
}

// ---------------------------------------------------------------------------------------------
// Baseline

/** What a baseline fits on. */
export interface BaselineInput {
  series: Series;
  /** Planned events in the history or the future; the baseline models them as events. */
  plannedEvents?: readonly PlannedEvent[];
  /**
   * Points not to learn from (1 = masked): detected spikes, for a robust fit. Filled points
   * (`series.filled`) are masked by every baseline regardless.
   */
  mask?: Uint8Array;
}

/** The shared forecast shape every baseline returns (augurs' `Forecast { point, intervals }`). */
export interface BaselineForecast {
  /** Epoch ms, one per point. */
  timestamps: Float64Array;
  point: Float64Array;
  /** Optional interval, at `level`. */
  lower?: Float64Array;
  upper?: Float64Array;
  /** Interval level, e.g. 0.8. */
  level?: number;
}

/** A request for future baseline values. */
export interface BaselinePredictRequest {
  /** Steps after the last observed point. */
  horizon: number;
  /** Planned events to fold in (beyond those given at fit time). */
  events?: readonly PlannedEvent[];
  /** Interval level to return, if the model supports intervals. */
  level?: number;
}

/** A fitted baseline. */
export interface FittedBaseline extends FittedModel {
  readonly stage: 'baseline';
  /** Timestamp of the last observed point the model has seen. */
  readonly lastTimestamp: number;
  /** The step of the series it was fitted on. */
  readonly stepMs: number;
  predict(request: BaselinePredictRequest): BaselineForecast;
  /** Fitted values over the training history (for residuals). */
  inSample(): BaselineForecast;
  /**
   * The calendar the baseline learned (holidays, quarter ends, month cycles) as a multiplier of
   * ordinary demand at each of `timestamps`, past or future: 1 on an ordinary day. Optional: a
   * baseline without a calendar of its own leaves it out. Later stages use it to see the history
   * as the baseline does (a holiday is not a fall in demand) and to put the same days back.
   */
  calendarMultipliers?(timestamps: Float64Array): Float64Array;
  /** Notes for the run manifest: fallbacks taken, options chosen. */
  readonly notes: readonly string[];
}

/** An unfitted baseline. */
export type BaselineEstimator = Estimator<BaselineInput, FittedBaseline>;
/** A baseline plug-in. */
export type BaselinePlugin = StagePlugin<BaselineEstimator, FittedBaseline>;

/** What a baseline can and cannot do, checked centrally with clear errors. */
export interface BaselineCapabilities {
  /** Minimum points of history, at the series' step. */
  minHistory: (stepMs: number) => number;
  supportsIntervals: boolean;
  supportsPlannedEvents: boolean;
}
