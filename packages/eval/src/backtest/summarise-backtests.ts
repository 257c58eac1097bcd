import type { BacktestResult } from './backtest-types.ts';

/** Scores averaged over many series: what a fleet backtest reports. */
export interface BacktestSummary {
  /** Series averaged. */
  series: number;
  /** Metric names (those of the first result). */
  metrics: string[];
  /** Metric name to the mean of each series' overall score. */
  overall: Record<string, number>;
  /** Per bucket label, metric name to the mean over the series that scored it. */
  perHorizonBucket: {
    label: string;
    from: number;
    to: number;
    series: number;
    metrics: Record<string, number>;
  }[];
  /** Fits over all series. */
  fits: number;
  /** Summed wall-clock time of the backtests, ms. */
  totalMs: number;
}

function mean(rows: readonly Record<string, number>[], name: string): number | undefined {
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    const v = row[name];
    if (v === undefined) continue;
    sum += v;
    count++;
  }
  return count === 0 ? undefined : sum / count;
}

function means(rows: readonly Record<string, number>[], names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) {
    const m = mean(rows, name);
    if (m !== undefined) out[name] = m;
  }
  return out;
}

/**
 * Average backtests of many series the M4 way: each metric is first computed per series (its
 * `overall`), then averaged with equal weight per series; likewise per horizon bucket (matched
 * by label). Series that scored nothing in a bucket are left out of that bucket's mean.
 */
export function summariseBacktests(results: readonly BacktestResult[]): BacktestSummary {
  const names = results[0]?.metrics ?? [];
  const labels = new Map<string, { from: number; to: number; rows: Record<string, number>[] }>();
  for (const result of results) {
    for (const bucket of result.perHorizonBucket) {
      let entry = labels.get(bucket.label);
      if (entry === undefined) {
        entry = { from: bucket.from, to: bucket.to, rows: [] };
        labels.set(bucket.label, entry);
      }
      if (bucket.origins > 0) entry.rows.push(bucket.metrics);
    }
  }
  return {
    series: results.length,
    metrics: [...names],
    overall: means(
      results.map((r) => r.overall),
      names,
    ),
    perHorizonBucket: [...labels].map(([label, entry]) => ({
      label,
      from: entry.from,
      to: entry.to,
      series: entry.rows.length,
      metrics: means(entry.rows, names),
    })),
    fits: results.reduce((s, r) => s + r.fits, 0),
    totalMs: results.reduce((s, r) => s + r.timings.totalMs, 0),
  };
}
