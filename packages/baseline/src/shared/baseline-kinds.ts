import type {
  BaselineCapabilities,
  BaselineEstimator,
  BaselinePlugin,
  FitOptions,
  FittedBaseline,
  PlannedEvent,
  Series,
} from '@cdf/core';

/** New observations for {@link UpdatableBaseline.update}: points right after the fitted ones. */
export interface BaselineUpdate {
  /** The new points only; the first one is one step after `lastTimestamp`. Same columns. */
  series: Series;
  /** Points of `series` not to learn from (1 = masked). */
  mask?: Uint8Array;
  /** More planned events (added to those known at fit time). */
  plannedEvents?: readonly PlannedEvent[];
}

/** A fitted baseline that can take new observations without starting from nothing. */
export interface UpdatableBaseline extends FittedBaseline {
  /** How many models failed and were replaced by the next in the fallback chain (0 = none). */
  readonly fallbacks: number;
  /** A new fitted model on the old history plus `next`; this one is left as it was. */
  update(next: BaselineUpdate, options?: FitOptions): Promise<UpdatableBaseline>;
}

/** An estimator of this package: says what it can do and fits updatable models. */
export interface CdfBaselineEstimator extends BaselineEstimator {
  /** Capabilities for these parameters. */
  readonly capabilities: BaselineCapabilities;
  fit(...args: Parameters<BaselineEstimator['fit']>): Promise<UpdatableBaseline>;
}

/** A baseline plug-in of this package, with its capabilities at default parameters. */
export interface CdfBaselinePlugin extends BaselinePlugin {
  /** Capabilities at default parameters (see each estimator for its own). */
  readonly capabilities: BaselineCapabilities;
  create(params?: unknown): CdfBaselineEstimator;
  load(saved: unknown): UpdatableBaseline;
}
