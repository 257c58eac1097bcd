import {
  CdfError,
  CdfErrorCode,
  type PlannedEvent,
  plannedEventsMultiplier,
  QUANTILE_COLUMNS,
  QUANTILE_LEVELS,
  type ScenarioFrame,
  type ScenarioRow,
} from '@cdf/core';
import { bucketOf } from './horizon-buckets.ts';
import { mixtureQuantile } from './mixture-quantile.ts';
import { ResidualDistribution } from './residual-distribution.ts';
import type { ResidualTable } from './residual-table.ts';

/** Spike forecasts for the horizon, as the spike stage gives them. */
export interface SpikeInput {
  /** Probability that each step is a spike, 0..1. */
  probability: Float64Array;
  /** Demand over the level if the step is a spike (3 = 3x), > 0. */
  magnitude: Float64Array;
}

/** A rule that turns a scenario row into the capacity to provision (e.g. `(r) => r.p95 * 1.1`). */
export type CapacityRule = (row: Omit<ScenarioRow, 'recommended_capacity'>) => number;

/** What {@link assembleScenarios} puts together. */
export interface AssembleInput {
  /** Epoch ms of each forecast step. */
  timestamps: Float64Array;
  /** The blended point forecast of normal demand (no spikes, no planned events), one per step. */
  point: Float64Array;
  /** The calibrated residual table. */
  table: ResidualTable;
  /** Spike forecasts; without them the quantiles come from every residual, spikes included. */
  spikes?: SpikeInput;
  /** Planned launches: every column is multiplied by their profile at each step. */
  plannedEvents?: readonly PlannedEvent[];
  /** Log-scale spread of a spike's size around its magnitude. Default 0.35. */
  spikeLogSd?: number;
  /**
   * Smallest point forecast (same unit as `point`): steps below it are raised to it before the
   * quantiles are taken, as the calibration did (see `flooredForecast`). Default 0.
   */
  floor?: number;
  /** Fills `recommended_capacity`; left out when absent. */
  capacity?: CapacityRule;
  /** Written into every row when given. */
  seriesId?: string;
}

/**
 * The spike part of a step, as a multiple of the planned demand (`plan` = the planned events'
 * multiplier there, 1 outside them). A spike magnitude is a multiple of normal demand, and the
 * spike model sees planned events among its features: on a launch's hours it predicts the very
 * launch the plan describes (on synthetic data a probability of ~0.6 at about the plan's
 * multiplier). Of the spike's excess over normal demand, `magnitude - 1`, the plan accounts for
 * `plan - 1`; only the rest, `magnitude - plan`, is unplanned. The spike keeps that share of its
 * probability, at `magnitude / plan` over the plan: none when the plan is as large as the spike,
 * all of it outside planned events (`plan` 1, the spike model as it is). In a planned dip
 * (`plan` < 1) the spike keeps its probability and is measured against the dip.
 */
export function spikeBeyondPlan(
  probability: number,
  magnitude: number,
  plan: number,
): { probability: number; magnitude: number } {
  if (plan <= 1) return { probability, magnitude: magnitude / plan };
  if (magnitude <= plan) return { probability: 0, magnitude: 1 };
  return { probability: (probability * (magnitude - plan)) / (magnitude - 1), magnitude: magnitude / plan };
}

/**
 * The scenario frame for every step of the horizon.
 *
 * - `baseline`: the point forecast of normal demand, times the planned-event profile.
 * - `expected_value`: `baseline * (1 + p * (magnitude - 1))`: the level plus the expected spike
 *   contribution, probability x (magnitude - 1) x level.
 * - `p50 .. p99`: quantiles of demand. Without spikes, the conformal quantiles of the step's
 *   horizon bucket (`table.all`); with spikes, the quantile of the mixture of the normal
 *   residuals and a log-normal(magnitude, spikeLogSd) spike ({@link mixtureQuantile}), solved per
 *   step. Then
 *   times the planned-event profile, so a planned 6x launch shifts the whole distribution even
 *   when no launch of that size is in the history. Spike magnitudes are multiples of normal
 *   demand: on a planned event's steps only a spike beyond the plan counts
 *   ({@link spikeBeyondPlan}: a predicted 5x spike inside a planned 5x launch is the launch, not a
 *   25x hour, and not a wider one either); `spike_probability` is that spike's probability.
 *
 * Quantiles never cross and never go below zero (enforced, not hoped for). Throws a CdfError
 * for misaligned or invalid inputs.
 */
export function assembleScenarios(input: AssembleInput): ScenarioFrame {
  const { timestamps, point, table, spikes, plannedEvents = [], capacity, seriesId } = input;
  const spikeLogSd = input.spikeLogSd ?? 0.35;
  const horizon = timestamps.length;
  checkInputs(input, horizon);
  const spikeMode = spikes !== undefined;
  const distributions = (spikeMode ? table.normal : table.all).map(
    (values) => new ResidualDistribution(table.grid, values),
  );
  const eps = table.epsilon;
  const frame: ScenarioFrame = [];
  for (let i = 0; i < horizon; i++) {
    const t = timestamps[i]!;
    const f = Math.max(0, input.floor ?? 0, point[i]!);
    const m = plannedEventsMultiplier(plannedEvents, t);
    const dist = distributions[bucketOf(i + 1, table.buckets)]!;
    const { probability: p, magnitude } = spikes
      ? spikeBeyondPlan(spikes.probability[i]!, spikes.magnitude[i]!, m)
      : { probability: 0, magnitude: 1 };
    const spike = { probability: p, magnitude, logSd: spikeLogSd };
    const quantiles: number[] = [];
    let floor = 0;
    for (const level of QUANTILE_LEVELS) {
      const z = mixtureQuantile(dist, spike, level);
      const q = Math.max(floor, ((f + eps) * Math.exp(z) - eps) * m);
      quantiles.push(q);
      floor = q;
    }
    const baseline = f * m;
    const row: Omit<ScenarioRow, 'recommended_capacity'> = {
      ...(seriesId === undefined ? {} : { series_id: seriesId }),
      timestamp: t,
      baseline,
      expected_value: baseline * (1 + p * (Math.max(1, magnitude) - 1)),
      spike_probability: p,
      p50: quantiles[0]!,
      p75: quantiles[1]!,
      p90: quantiles[2]!,
      p95: quantiles[3]!,
      p99: quantiles[4]!,
    };
    frame.push(capacity ? { ...row, recommended_capacity: checkedCapacity(capacity(row), t) } : row);
  }
  return frame;
}

function checkInputs(input: AssembleInput, horizon: number): void {
  const aligned: [string, Float64Array | undefined][] = [
    ['point', input.point],
    ['spikes.probability', input.spikes?.probability],
    ['spikes.magnitude', input.spikes?.magnitude],
  ];
  for (const [name, array] of aligned) {
    if (array !== undefined && (!(array instanceof Float64Array) || array.length !== horizon)) {
      throw new CdfError(CdfErrorCode.SchemaMismatch, `${name} does not match the forecast timestamps`, {
        column: name,
        value: String((array as { length?: number }).length),
        expected: `a Float64Array of ${horizon} values`,
      });
    }
  }
  const floor = input.floor ?? 0;
  if (!(Number.isFinite(floor) && floor >= 0)) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'invalid forecast floor', {
      column: 'floor',
      value: String(floor),
      expected: 'a finite demand >= 0',
    });
  }
  for (let i = 0; i < horizon; i++) {
    const bad = (column: string, value: number, expected: string) =>
      new CdfError(CdfErrorCode.InvalidValue, `invalid ${column} at forecast step ${i + 1}`, {
        row: i + 1,
        column,
        value: String(value),
        expected,
      });
    const f = input.point[i]!;
    if (!Number.isFinite(f) || f < 0) throw bad('point', f, 'a finite demand >= 0');
    if (input.spikes) {
      const p = input.spikes.probability[i]!;
      const m = input.spikes.magnitude[i]!;
      if (!(p >= 0 && p <= 1)) throw bad('spikes.probability', p, 'a probability in [0, 1]');
      if (!(m > 0 && Number.isFinite(m))) throw bad('spikes.magnitude', m, 'a finite multiplier > 0');
    }
  }
}

function checkedCapacity(value: number, t: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new CdfError(CdfErrorCode.InvalidValue, 'the capacity rule returned an invalid capacity', {
      column: 'recommended_capacity',
      value: String(value),
      expected: `a finite number >= 0 (at ${new Date(t).toISOString()})`,
    });
  }
  return value;
}

/** The quantile columns of a frame as arrays, in {@link QUANTILE_COLUMNS} order. */
export function quantileColumns(frame: ScenarioFrame): Float64Array[] {
  return QUANTILE_COLUMNS.map((name) => Float64Array.from(frame, (row) => row[name]));
}
