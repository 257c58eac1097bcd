import { HOUR_MS, medianInPlace, type PlannedEvent, plannedEventEnd, type Series } from '@cdf/core';
import type { AnomalyRun } from '../events/anomaly-runs.ts';
import type { SpikeShape } from './spike-rules.ts';

/** Column of tokens per request and of requests, read when present. */
export const TOKENS_COLUMN = 'avg_tokens_per_request';
/** Column of request counts, read when present. */
export const REQUESTS_COLUMN = 'request_count';

/** Where a run's shape is measured: the series, its expectations and the anomaly flags. */
export interface ShapeContext {
  series: Series;
  expected: Float64Array;
  isAnomaly: Uint8Array;
  /** Steps before a spike whose median is "before" for the request/token mix. */
  contextSteps: number;
  plannedEvents: readonly PlannedEvent[];
}

/** The peak of a run (index of the highest value) and its value over its expectation. */
export function runPeak(
  run: AnomalyRun,
  series: Series,
  expected: Float64Array,
): { index: number; ratio: number } {
  let index = run.start;
  for (let i = run.start + 1; i <= run.end; i++) if (series.values[i]! > series.values[index]!) index = i;
  return { index, ratio: ratioAt(index, series.values, expected) };
}

function ratioAt(i: number, values: Float64Array, expected: Float64Array): number {
  const e = expected[i]!;
  const v = values[i]!;
  if (!(e > 0) || !(v > 0)) return 1;
  return v / e;
}

/** Measure a run's {@link SpikeShape} for the rules. */
export function spikeShape(run: AnomalyRun, ctx: ShapeContext): SpikeShape {
  const { series, expected } = ctx;
  const peak = runPeak(run, series, expected);
  const onset = ratioAt(run.start, series.values, expected);
  const excess = peak.ratio - 1;
  const onsetShare = excess > 0 ? (onset - 1) / excess : 1;
  const shape: SpikeShape = {
    durationHours: ((run.end - run.start + 1) * series.stepMs) / HOUR_MS,
    magnitude: peak.ratio,
    onsetShare,
    overlapsPlannedEvent: overlapsPlanned(run, series, ctx.plannedEvents),
  };
  const tokens = series.columns[TOKENS_COLUMN];
  if (tokens) shape.tokenRatio = mixRatio(tokens, run, ctx);
  const requests = series.columns[REQUESTS_COLUMN];
  if (requests) shape.requestRatio = mixRatio(requests, run, ctx);
  return shape;
}

/** Mean of `column` over the run over its median over the ordinary steps before it. */
function mixRatio(column: Float64Array, run: AnomalyRun, ctx: ShapeContext): number | undefined {
  const from = Math.max(0, run.start - ctx.contextSteps);
  const before = new Float64Array(run.start - from);
  let n = 0;
  for (let i = from; i < run.start; i++) {
    const v = column[i]!;
    if (ctx.isAnomaly[i] === 0 && ctx.series.filled[i] === 0 && Number.isFinite(v)) before[n++] = v;
  }
  let sum = 0;
  let m = 0;
  for (let i = run.start; i <= run.end; i++) {
    const v = column[i]!;
    if (ctx.series.filled[i] === 0 && Number.isFinite(v)) {
      sum += v;
      m++;
    }
  }
  if (n === 0 || m === 0) return undefined;
  const typical = medianInPlace(before, n);
  return typical > 0 ? sum / m / typical : undefined;
}

function overlapsPlanned(run: AnomalyRun, series: Series, planned: readonly PlannedEvent[]): boolean {
  const start = series.timestamps[run.start]!;
  const end = series.timestamps[run.end]! + series.stepMs;
  return planned.some((e) => e.start < end && plannedEventEnd(e) > start);
}
