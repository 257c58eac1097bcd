/**
 * Speed of the per-origin feature matrix: `computeFeatures` on two years of hourly data (17,520
 * points, the seed's full feature set plus spike history and pressure columns, in
 * America/New_York so the DST-aware calendar path is the one timed). Each run starts cold of
 * any zone cache. Reports every run and the median. Not a unit test: the benchmark harness
 * imports {@link measureComputeFeatures}; `pnpm --filter @cdf/features measure` runs it alone.
 */
import type { Series } from '@cdf/core';
import { makeContractSeries } from '@cdf/core/testing';
import { computeFeatures } from '../src/compute-features.ts';
import { buildDirectMatrix } from '../src/direct-matrix.ts';
import type { FeatureOptions } from '../src/feature-options.ts';

/** A timing of {@link measureComputeFeatures}. */
export interface FeatureTiming {
  /** Points in the series (= matrix rows). */
  rows: number;
  /** Feature columns computed. */
  features: number;
  /** Wall time of each run, ms. */
  runsMs: number[];
  /** Median of `runsMs`. */
  medianMs: number;
}

/**
 * The benchmark input: the contract series of `hours` points (deterministic, seed 7) in
 * America/New_York with queue-depth and latency columns derived from it, an anomaly mask
 * flagging every point above 1.3x its value a week earlier, and a capacity.
 */
export function benchmarkInput(hours: number): { series: Series; options: FeatureOptions } {
  const base = makeContractSeries(hours, 7);
  const values = base.values;
  const queue = new Float64Array(hours);
  const latency = new Float64Array(hours);
  const anomalies = new Uint8Array(hours);
  for (let i = 0; i < hours; i++) {
    queue[i] = Math.max(0, values[i]! - 90);
    latency[i] = 200 + values[i]!;
    anomalies[i] = i >= 168 && values[i]! > 1.3 * values[i - 168]! ? 1 : 0;
  }
  const series: Series = {
    ...base,
    timeZone: 'America/New_York',
    columns: { ...base.columns, queue_depth: queue, p95_latency_ms: latency },
  };
  return { series, options: { anomalies, capacity: 250 } };
}

/** Time `computeFeatures` on {@link benchmarkInput}(`hours`) `runs` times. */
export function measureComputeFeatures(hours = 17_520, runs = 5): FeatureTiming {
  const { series, options } = benchmarkInput(hours);
  const runsMs: number[] = [];
  let features = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const matrix = computeFeatures(series, options);
    runsMs.push(performance.now() - start);
    features = matrix.names.length;
  }
  return { rows: hours, features, runsMs, medianMs: median(runsMs) };
}

/**
 * Time `buildDirectMatrix` on {@link benchmarkInput}(`hours`): horizons 1, 6, ..., 168 (29) and
 * every 5th origin, about 100k rows of 52 features.
 */
export function measureDirectMatrix(hours = 17_520, runs = 5): FeatureTiming & { matrixRows: number } {
  const { series, options } = benchmarkInput(hours);
  const runsMs: number[] = [];
  let features = 0;
  let matrixRows = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const { matrix } = buildDirectMatrix(series, {
      ...options,
      horizons: { max: 168, stride: 6 },
      origins: { stride: 5 },
    });
    runsMs.push(performance.now() - start);
    features = matrix.names.length;
    matrixRows = matrix.rows;
  }
  return { rows: hours, features, runsMs, medianMs: median(runsMs), matrixRows };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  const timing = measureComputeFeatures();
  const runs = timing.runsMs.map((ms) => ms.toFixed(1)).join(', ');
  console.log(
    `computeFeatures: ${timing.rows} hourly rows x ${timing.features} features: median ${timing.medianMs.toFixed(1)} ms over ${timing.runsMs.length} runs (${runs})`,
  );
  const direct = measureDirectMatrix();
  console.log(
    `buildDirectMatrix: ${direct.matrixRows} rows x ${direct.features} features: median ${direct.medianMs.toFixed(1)} ms over ${direct.runsMs.length} runs (${direct.runsMs.map((ms) => ms.toFixed(1)).join(', ')})`,
  );
}
