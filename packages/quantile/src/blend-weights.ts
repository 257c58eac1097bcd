import type { BacktestRecord } from './backtest-record.ts';
import { COMPONENTS } from './backtest-record.ts';
import { bucketOf } from './horizon-buckets.ts';

/** Options of {@link learnBlendWeights}. */
export interface BlendWeightOptions {
  /** Horizon bucket upper bounds (steps). */
  buckets: readonly number[];
  /** Grid step on the simplex: weights 0, step, 2 step, ..., 1. Default 0.05. */
  gridStep?: number;
  /** Weight used for a bucket with fewer than `minPoints` scored steps. Default 0.7. */
  fallbackWeight?: number;
  /** Fewest scored steps a bucket needs to learn its own weight. Default 48. */
  minPoints?: number;
  /** Leave spike steps out of the fit (the level forecast should track normal demand). Default true. */
  excludeSpikes?: boolean;
}

/**
 * The baseline's weight in `w * baseline + (1 - w) * regressor` for each horizon bucket, chosen
 * on a grid over [0, 1] to minimise the mean absolute percentage error over the backtest's
 * observed, positive, non-spike steps. MAPE rather than squared error because demand is
 * multiplicative and spans orders of magnitude across a fleet; a grid because the loss is
 * piecewise linear in `w` and two components leave one free weight. A bucket with too few points
 * takes the pooled weight of all buckets (or `fallbackWeight` when even that is too small).
 */
export function learnBlendWeights(records: readonly BacktestRecord[], options: BlendWeightOptions): number[] {
  const { buckets, gridStep = 0.05, fallbackWeight = 0.7, minPoints = 48, excludeSpikes = true } = options;
  const steps = Math.max(1, Math.round(1 / gridStep));
  const loss = buckets.map(() => new Float64Array(steps + 1));
  const counts = new Int32Array(buckets.length);
  for (const record of records) {
    const b = record.forecasts[COMPONENTS.baseline];
    const g = record.forecasts[COMPONENTS.regressor];
    if (!b || !g) continue;
    for (let i = 0; i < record.actual.length; i++) {
      const y = record.actual[i]!;
      if (record.usable[i] !== 1 || !(y > 0) || (excludeSpikes && record.spike[i] === 1)) continue;
      const bi = b[i]!;
      const gi = g[i]!;
      if (!Number.isFinite(bi) || !Number.isFinite(gi)) continue;
      const k = bucketOf(i + 1, buckets);
      const row = loss[k]!;
      for (let s = 0; s <= steps; s++) {
        const w = s / steps;
        row[s]! += Math.abs(y - (w * bi + (1 - w) * gi)) / y;
      }
      counts[k]!++;
    }
  }
  const pooled = new Float64Array(steps + 1);
  let pooledCount = 0;
  loss.forEach((row, k) => {
    for (let s = 0; s <= steps; s++) pooled[s]! += row[s]!;
    pooledCount += counts[k]!;
  });
  const pooledWeight = pooledCount >= minPoints ? argminWeight(pooled, steps) : fallbackWeight;
  return loss.map((row, k) => (counts[k]! >= minPoints ? argminWeight(row, steps) : pooledWeight));
}

function argminWeight(row: Float64Array, steps: number): number {
  let best = 0;
  for (let s = 1; s <= steps; s++) if (row[s]! < row[best]!) best = s;
  return best / steps;
}

/**
 * The blended point forecast: `w(h) * baseline + (1 - w(h)) * regressor`, clipped at 0; the
 * baseline alone where there is no regressor value.
 */
export function blendForecast(
  baseline: Float64Array,
  regressor: Float64Array | undefined,
  weights: readonly number[],
  buckets: readonly number[],
): Float64Array {
  const out = new Float64Array(baseline.length);
  for (let i = 0; i < baseline.length; i++) {
    const g = regressor ? regressor[i]! : Number.NaN;
    // No regressor, or no regressor value at this step (its history ended in filled points).
    const w = Number.isFinite(g) ? weights[bucketOf(i + 1, buckets)]! : 1;
    out[i] = Math.max(0, w === 1 ? baseline[i]! : w * baseline[i]! + (1 - w) * g);
  }
  return out;
}
