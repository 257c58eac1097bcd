// Pooled forecasts of one method over a backtest, and the metrics of @cdf/eval over them.
import { dailyAggregateMape, empiricalCoverage, intervalScore, mape, pinballLoss } from '@cdf/eval';

/** The levels scored: the scenario quantiles, and the lower bounds of the 90% and 98% intervals. */
export const SCORED_LEVELS = [0.5, 0.75, 0.9, 0.95, 0.99] as const;

/** One origin's forecast of one method. */
export interface OriginForecast {
  times: Float64Array;
  actual: Float64Array;
  /** Quantiles by level: every SCORED_LEVELS entry, plus 0.05 and 0.01. */
  quantiles: Map<number, Float64Array>;
  /** The point forecast scored by MAPE (p50 for ours, Prophet's point for Prophet). */
  point: Float64Array;
  /** Horizon bucket of each step. */
  bucket: Int32Array;
  /** 1 where the actual was observed; other steps are not scored. Default all. */
  usable?: Uint8Array;
}

/** Metrics of one method. */
export interface Scores {
  steps: number;
  coverage: number[];
  pinball: number[];
  /** Interval score of P5..P95 (alpha 0.1) and P1..P99 (alpha 0.02). */
  interval90: number;
  interval98: number;
  mapeHourly: number;
  /** Daily-aggregate MAPE, per origin then averaged. */
  mapeDaily: number;
  /** Mean relative width (p95 - p50) / p50 per horizon bucket. */
  widthByBucket: number[];
}

/** Score the pooled origin forecasts. */
export function scoreForecasts(all: readonly OriginForecast[], buckets: number): Scores {
  const forecasts = all.map(observedOnly).filter((f) => f.actual.length > 0);
  const actual = concat(forecasts.map((f) => f.actual));
  const q = (level: number) => concat(forecasts.map((f) => f.quantiles.get(level)!));
  const coverage = empiricalCoverage(
    actual,
    SCORED_LEVELS.map((level) => ({ level, values: q(level) })),
  ).map((c) => c.coverage);
  const pinball = SCORED_LEVELS.map((level) => pinballLoss(actual, q(level), level));
  const daily = forecasts.map((f) =>
    dailyAggregateMape({ timestamps: f.times, actual: f.actual, forecast: f.point }),
  );
  const widthSum = new Float64Array(buckets);
  const widthCount = new Float64Array(buckets);
  for (const f of forecasts) {
    const p50 = f.quantiles.get(0.5)!;
    const p95 = f.quantiles.get(0.95)!;
    for (let i = 0; i < f.actual.length; i++) {
      if (p50[i]! > 0) {
        widthSum[f.bucket[i]!]! += (p95[i]! - p50[i]!) / p50[i]!;
        widthCount[f.bucket[i]!]!++;
      }
    }
  }
  return {
    steps: actual.length,
    coverage,
    pinball,
    interval90: intervalScore(actual, q(0.05), q(0.95), 0.1),
    interval98: intervalScore(actual, q(0.01), q(0.99), 0.02),
    mapeHourly: mape(actual, concat(forecasts.map((f) => f.point))),
    mapeDaily: daily.reduce((a, b) => a + b, 0) / daily.length,
    widthByBucket: Array.from(widthSum, (s, b) => s / Math.max(1, widthCount[b]!)),
  };
}

function observedOnly(f: OriginForecast): OriginForecast {
  if (!f.usable || f.usable.every((u) => u === 1)) return f;
  const keep = (a: Float64Array) => a.filter((_, i) => f.usable![i] === 1);
  const quantiles = new Map([...f.quantiles].map(([level, values]) => [level, keep(values)] as const));
  return {
    times: keep(f.times),
    actual: keep(f.actual),
    quantiles,
    point: keep(f.point),
    bucket: f.bucket.filter((_, i) => f.usable![i] === 1),
  };
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
