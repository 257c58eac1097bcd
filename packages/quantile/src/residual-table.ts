import { median } from '@cdf/core';
import { z } from 'zod';
import type { BacktestRecord } from './backtest-record.ts';
import { shrinkLocation } from './bias-shrinkage.ts';
import { conformalQuantile } from './conformal-quantile.ts';
import { bucketOf } from './horizon-buckets.ts';
import { flooredForecast } from './recent-level.ts';

/**
 * The levels at which each bucket's residual distribution is stored: 0.01 .. 0.99 by 0.01 and
 * 0.995. Every scenario level (0.5, 0.75, 0.9, 0.95, 0.99) is on it, so without spikes a scenario
 * quantile is a stored conformal quantile exactly; the rest is the distribution the spike mixture
 * needs.
 */
export const RESIDUAL_GRID: readonly number[] = Object.freeze([
  ...Array.from({ length: 99 }, (_, k) => (k + 1) / 100),
  0.995,
]);

/**
 * Calibrated out-of-sample error distributions of a point forecast, per horizon bucket, on the
 * log scale: residual `z = log((y + eps) / (f + eps))`, so quantile `q` of demand is
 * `(f + eps) * exp(z_q) - eps`. `all` counts every observed step; `normal` leaves spike steps out
 * (the spike mixture adds them back from the spike model).
 */
export const ResidualTableSchema = z.object({
  /** Horizon bucket upper bounds in steps. */
  buckets: z.array(z.number().int().positive()).min(1),
  /** Levels of the stored quantiles, ascending ({@link RESIDUAL_GRID}). */
  grid: z.array(z.number().gt(0).lt(1)).min(1),
  /** Per bucket, the log-residual quantile at each grid level, every observed step. */
  all: z.array(z.array(z.number().finite())),
  /** Per bucket, the same over non-spike steps only. */
  normal: z.array(z.array(z.number().finite())),
  /** Per bucket, how many residuals `all` (before pooling) holds. */
  counts: z.array(z.number().int().nonnegative()),
  /** Per bucket, the share of observed steps that were spikes. */
  spikeRate: z.array(z.number().min(0).max(1)),
  /** Additive offset of the log transform, in the target's unit (1% of the median actual). */
  epsilon: z.number().positive(),
});
/** See {@link ResidualTableSchema}. */
export type ResidualTable = z.output<typeof ResidualTableSchema>;

/** Options of {@link fitResidualTable}. */
export interface ResidualTableOptions {
  /** Horizon bucket upper bounds in steps. */
  buckets: readonly number[];
  /**
   * A bucket with fewer residuals borrows those of its neighbours (nearest first) until it has
   * this many. Default 100, so the P99 conformal rank exists.
   */
  minResiduals?: number;
  /**
   * Make the spread (`z_q - z_0.5`) of each level non-decreasing from bucket to bucket: the
   * forecast can only know less further out, so a narrower far bucket is sampling noise. Default true.
   */
  monotoneWidth?: boolean;
  /**
   * Floor each forecast at this share of its record's recent level (`BacktestRecord.level`)
   * before taking residuals, as assembly does (see `flooredForecast`). Default 0: no floor.
   */
  floorShare?: number;
  /**
   * Shrink each bucket's median residual (the bias the table corrects) towards 0 by how well the
   * origins agree on it, moving the bucket's whole distribution with it: see
   * {@link shrinkLocation}. Default false (the conformal quantiles as they are).
   */
  shrinkBias?: boolean;
}

/**
 * Fit the residual table of the point forecast `point(record)` over backtest records: conformal
 * quantiles of the log residuals at each {@link RESIDUAL_GRID} level, per horizon bucket.
 * Unobserved steps and non-finite forecasts are skipped.
 */
export function fitResidualTable(
  records: readonly BacktestRecord[],
  point: (record: BacktestRecord) => Float64Array,
  options: ResidualTableOptions,
): ResidualTable {
  const { buckets, minResiduals = 100, monotoneWidth = true, floorShare = 0, shrinkBias = false } = options;
  const positives: number[] = [];
  for (const r of records) {
    for (let i = 0; i < r.actual.length; i++)
      if (r.usable[i] === 1 && r.actual[i]! > 0) positives.push(r.actual[i]!);
  }
  positives.sort((a, b) => a - b);
  const medianActual = positives.length > 0 ? positives[positives.length >> 1]! : 1;
  const epsilon = Math.max(1e-9, 0.01 * medianActual);

  const all: number[][] = buckets.map(() => []);
  const normal: number[][] = buckets.map(() => []);
  const perOrigin: number[][] = buckets.map(() => []); // each origin's median residual per bucket (shrinkBias only)
  for (const r of records) {
    const f = flooredForecast(point(r), r.level ?? 0, floorShare);
    const mine: number[][] = buckets.map(() => []);
    for (let i = 0; i < r.actual.length; i++) {
      const y = r.actual[i]!;
      const fi = f[i]!;
      if (r.usable[i] !== 1 || !Number.isFinite(fi) || !Number.isFinite(y)) continue;
      const z = Math.log((Math.max(0, y) + epsilon) / (Math.max(0, fi) + epsilon));
      const b = bucketOf(i + 1, buckets);
      all[b]!.push(z);
      if (r.spike[i] !== 1) {
        normal[b]!.push(z);
        if (shrinkBias) mine[b]!.push(z);
      }
    }
    mine.forEach((list, b) => {
      if (list.length > 0) perOrigin[b]!.push(median(list));
    });
  }
  const counts = all.map((list) => list.length);
  const spikeRate = all.map((list, b) => (list.length > 0 ? 1 - normal[b]!.length / list.length : 0));
  const grid = [...RESIDUAL_GRID];
  let allTable = buckets.map((_, b) => gridQuantiles(pooled(all, b, minResiduals), grid));
  let normalTable = buckets.map((_, b) => gridQuantiles(pooled(normal, b, minResiduals), grid));
  if (shrinkBias) {
    // overlapping horizons share their errors: count the non-overlapping windows the origins span
    const origins = records.map((r) => r.origin);
    const horizon = records[0]?.actual.length ?? 1;
    const span = origins.length > 0 ? Math.max(...origins) - Math.min(...origins) : 0;
    const independent = 1 + span / horizon;
    const mid = grid.indexOf(0.5);
    buckets.forEach((_, b) => {
      const by = shrinkLocation(normalTable[b]![mid]!, perOrigin[b]!, independent) - normalTable[b]![mid]!;
      allTable[b] = allTable[b]!.map((z) => z + by);
      normalTable[b] = normalTable[b]!.map((z) => z + by);
    });
  }
  if (monotoneWidth) {
    allTable = widenOutward(allTable, grid);
    normalTable = widenOutward(normalTable, grid);
  }
  return { buckets: [...buckets], grid, all: allTable, normal: normalTable, counts, spikeRate, epsilon };
}

/** Residuals of bucket `b`, with those of the nearest buckets added until there are `min`. */
function pooled(lists: number[][], b: number, min: number): number[] {
  const out = [...lists[b]!];
  for (let d = 1; out.length < min && d < lists.length; d++) {
    if (b - d >= 0) out.push(...lists[b - d]!);
    if (b + d < lists.length) out.push(...lists[b + d]!);
  }
  return out.sort((x, y) => x - y);
}

function gridQuantiles(sorted: number[], grid: readonly number[]): number[] {
  // No residual at all (no backtest step reached this far): no error known, so a point mass at 0.
  if (sorted.length === 0) return grid.map(() => 0);
  return grid.map((level) => conformalQuantile(sorted, level));
}

function widenOutward(table: number[][], grid: readonly number[]): number[][] {
  const mid = grid.indexOf(0.5);
  const out = table.map((row) => [...row]);
  for (let b = 1; b < out.length; b++) {
    const prev = out[b - 1]!;
    const row = out[b]!;
    const m = row[mid]!;
    const pm = prev[mid]!;
    for (let k = 0; k < grid.length; k++) {
      if (k > mid) row[k] = m + Math.max(row[k]! - m, prev[k]! - pm);
      else if (k < mid) row[k] = m - Math.max(m - row[k]!, pm - prev[k]!);
    }
  }
  return out;
}
