import { type Aggregation, METRIC_COLUMNS } from '@cdf/core';

const MEAN_WORDS = /(^|_)(avg|mean|average|rate|ratio|pct|percent|utilization|util)(_|$)|_per_|^per_/;
const MAX_WORDS = /latency|(^|_)p9\d(_|$)|(^|_)p99\d*(_|$)|_max$|^max_|(^|_)peak(_|$)/;
const MIN_WORDS = /_min$|^min_/;
const SUM_WORDS = /_count$|_total$|^total_|requests$|tokens$|errors$|_sum$/;

/**
 * How `column` combines when several rows fall into one step (resampling) or one timestamp.
 *
 * The rule, first match wins:
 * 1. `overrides[column]`;
 * 2. the column's rule in `METRIC_COLUMNS` (`compute_tflops` mean, `request_count` sum,
 *    `p95_latency_ms` max, ...);
 * 3. names of averages, rates and levels (`avg_`, `mean_`, `_rate`, `_per_`, `utilization`) -> `mean`;
 * 4. latency and high percentiles (`latency`, `p95`, `p99`, `_max`, `peak`) -> `max`; `_min` -> `min`;
 * 5. counts and totals (`_count`, `_total`, `total_`, `...requests`, `...tokens`, `...errors`) -> `sum`;
 * 6. anything else (levels such as `queue_depth`, unknown columns) -> `mean`.
 *
 * @example aggregationFor('http_requests_total') // 'sum'
 * @example aggregationFor('p99_latency_ms') // 'max'
 * @example aggregationFor('gpu_util', { gpu_util: 'max' }) // 'max'
 */
export function aggregationFor(column: string, overrides?: Record<string, Aggregation>): Aggregation {
  const override = overrides?.[column];
  if (override !== undefined) return override;
  const known = (METRIC_COLUMNS as Record<string, { aggregation: Aggregation }>)[column];
  if (known) return known.aggregation;
  const name = column.toLowerCase();
  if (MEAN_WORDS.test(name)) return 'mean';
  if (MAX_WORDS.test(name)) return 'max';
  if (MIN_WORDS.test(name)) return 'min';
  if (SUM_WORDS.test(name)) return 'sum';
  return 'mean';
}
