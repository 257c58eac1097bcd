// Our method's quantiles for one origin from a calibration: the scenario frame's P50..P99 plus
// the lower 0.05 and 0.01 quantiles (read off the same table) for the interval scores.
import { type PlannedEvent, plannedEventsMultiplier } from '@cdf/core';
import {
  assembleScenarios,
  type BacktestRecord,
  blendForecast,
  bucketOf,
  COMPONENTS,
  mixtureQuantile,
  type RecordCalibration,
  ResidualDistribution,
  type SpikeInput,
} from '../src/index.ts';
import type { OriginForecast } from './score-card.ts';

/** How one origin is assembled. */
export interface OurOptions {
  /** Observed demand over the record's steps (planned events included). */
  actual: Float64Array;
  plannedEvents: readonly PlannedEvent[];
  /** Point floor as a share of the record's recent level. */
  floorShare: number;
  spikes?: SpikeInput;
  spikeLogSd?: number;
  /** 1 = scored step (observed, and e.g. not an event when scoring normal hours). */
  usable: Uint8Array;
}

/** Forecast of one record (origin) with weights and table learned on earlier records. */
export function ourForecast(
  record: BacktestRecord,
  { weights, table }: RecordCalibration,
  options: OurOptions,
): OriginForecast & { expected: Float64Array } {
  const { spikes, plannedEvents } = options;
  const spikeLogSd = options.spikeLogSd ?? 0.35;
  const point = blendForecast(
    record.forecasts[COMPONENTS.baseline]!,
    record.forecasts[COMPONENTS.regressor],
    weights,
    table.buckets,
  );
  const floor = options.floorShare * (record.level ?? 0);
  const frame = assembleScenarios({
    timestamps: record.times,
    point,
    table,
    floor,
    plannedEvents,
    ...(spikes ? { spikes } : {}),
    spikeLogSd,
  });
  const quantiles = new Map<number, Float64Array>();
  for (const name of ['p50', 'p75', 'p90', 'p95', 'p99'] as const) {
    quantiles.set(
      Number(name.slice(1)) / 100,
      Float64Array.from(frame, (row) => row[name]),
    );
  }
  const dists = (spikes ? table.normal : table.all).map(
    (values) => new ResidualDistribution(table.grid, values),
  );
  const bucket = Int32Array.from(record.times, (_, i) => bucketOf(i + 1, table.buckets));
  for (const level of [0.05, 0.01]) {
    quantiles.set(
      level,
      Float64Array.from(point, (raw, i) => {
        const f = Math.max(raw, floor);
        const spike = {
          probability: spikes?.probability[i] ?? 0,
          magnitude: spikes?.magnitude[i] ?? 1,
          logSd: spikeLogSd,
        };
        const z = mixtureQuantile(dists[bucket[i]!]!, spike, level);
        const m = plannedEventsMultiplier(plannedEvents, record.times[i]!);
        return Math.min(
          quantiles.get(0.5)![i]!,
          Math.max(0, ((f + table.epsilon) * Math.exp(z) - table.epsilon) * m),
        );
      }),
    );
  }
  return {
    times: record.times,
    actual: options.actual,
    quantiles,
    point: quantiles.get(0.5)!,
    bucket,
    usable: options.usable,
    expected: Float64Array.from(frame, (row) => row.expected_value),
  };
}

/**
 * A simple unconditional spike-rate model from calibration records (not @cdf/spikes' predictor):
 * per horizon bucket, the share of spike steps in the calibration, and the median actual over
 * the point forecast at those steps as the magnitude.
 */
export function empiricalSpikes(
  calibration: readonly BacktestRecord[],
  { weights, table }: RecordCalibration,
  horizon: number,
): SpikeInput {
  const ratios: number[] = [];
  for (const r of calibration) {
    const f = blendForecast(
      r.forecasts[COMPONENTS.baseline]!,
      r.forecasts[COMPONENTS.regressor],
      weights,
      table.buckets,
    );
    for (let i = 0; i < r.actual.length; i++)
      if (r.spike[i] === 1 && r.usable[i] === 1 && f[i]! > 0) ratios.push(r.actual[i]! / f[i]!);
  }
  ratios.sort((a, b) => a - b);
  const magnitude = ratios.length > 0 ? Math.max(1, ratios[ratios.length >> 1]!) : 1;
  return {
    probability: Float64Array.from(
      { length: horizon },
      (_, i) => table.spikeRate[bucketOf(i + 1, table.buckets)]!,
    ),
    magnitude: new Float64Array(horizon).fill(magnitude),
  };
}

/**
 * A simple spike-rate model from the history's spike mask (not @cdf/spikes' predictor): the
 * probability that step h after the origin is a spike is the share of spikes at lag h after the
 * past origins (within `lookback` steps) that were in the same state (spike or not) as the last
 * point before this origin; the magnitude is the median actual over point forecast at the spike
 * steps of the calibration records (1.5 when they hold none).
 */
export function stateSpikeRate(
  mask: Uint8Array,
  origin: number,
  horizon: number,
  calibration: readonly BacktestRecord[],
  calibrationFit: RecordCalibration,
  lookback = 6 * 730,
): SpikeInput {
  const state = mask[origin - 1] ?? 0;
  const hits = new Float64Array(horizon);
  let starts = 0;
  for (let t = Math.max(1, origin - lookback); t + horizon <= origin; t++) {
    if (mask[t - 1] !== state) continue;
    starts++;
    for (let h = 0; h < horizon; h++) hits[h]! += mask[t + h]!;
  }
  const probability = Float64Array.from(hits, (c) => (starts > 0 ? c / starts : 0));
  const fromRecords = empiricalSpikes(calibration, calibrationFit, horizon).magnitude[0]!;
  return { probability, magnitude: new Float64Array(horizon).fill(fromRecords > 1 ? fromRecords : 1.5) };
}
