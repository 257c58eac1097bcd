import { METRIC_COLUMNS } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { aggregationFor } from './aggregation-rule.ts';

describe('aggregationFor', () => {
  it('uses the rule of every well-known metric column', () => {
    for (const [name, meta] of Object.entries(METRIC_COLUMNS))
      expect(aggregationFor(name)).toBe(meta.aggregation);
    expect(aggregationFor('compute_tflops')).toBe('mean');
    expect(aggregationFor('request_count')).toBe('sum');
    expect(aggregationFor('p95_latency_ms')).toBe('max');
  });

  it('sums counts and totals', () => {
    for (const name of [
      'error_count',
      'http_requests_total',
      'total_tokens',
      'output_tokens',
      'requests',
      'errors',
    ]) {
      expect(aggregationFor(name), name).toBe('sum');
    }
  });

  it('averages rates, levels and unknown columns', () => {
    for (const name of [
      'gpu_utilization',
      'request_rate',
      'tokens_per_second',
      'avg_latency_ms',
      'queue_len',
      'x',
    ]) {
      expect(aggregationFor(name), name).toBe('mean');
    }
  });

  it('takes the max of latencies and high percentiles, the min of minima', () => {
    for (const name of ['latency_ms', 'p99_latency_ms', 'ttft_p95', 'memory_max', 'peak_gpus']) {
      expect(aggregationFor(name), name).toBe('max');
    }
    expect(aggregationFor('free_memory_min')).toBe('min');
  });

  it('lets overrides win over every rule', () => {
    expect(aggregationFor('request_count', { request_count: 'mean' })).toBe('mean');
    expect(aggregationFor('gpu_util', { other: 'sum' })).toBe('mean');
  });
});
