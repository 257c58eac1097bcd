/**
 * How the synthetic platform turns compute demand into requests, tokens, latency and queues.
 * The numbers are documented in the package README ("Synthetic data").
 */

/**
 * FLOPs spent per token: 2 x 10 billion parameters, the forward-pass cost of a 10B dense model.
 * `compute_tflops = request_count x avg_tokens_per_request x FLOPS_PER_TOKEN / step seconds / 1e12`
 * holds for every generated row, up to the rounding of the written values.
 */
export const FLOPS_PER_TOKEN = 2e10;

/** The workload's constants. */
export const WORKLOAD_MODEL = {
  /** Mean tokens per request at the first row, rising linearly to `tokensEnd` at the last (longer contexts). */
  tokensStart: 700,
  tokensEnd: 1000,
  /** Log-normal noise (sigma of the log, mean 1) of demand, tokens per request, latency and queue depth. */
  demandNoise: 0.05,
  tokensNoise: 0.04,
  latencyNoise: 0.05,
  queueNoise: 0.1,
  /**
   * The simulated fleet serves `fleetHeadroom` times the usual weekday peak:
   * `fleetHeadroom x trend x persisted level x WEEKDAY_PEAK_FACTOR` TFLOPS.
   */
  fleetHeadroom: 1.5,
  /** Utilisation is clipped here before it enters the queueing formulas. */
  maxUtilisation: 0.98,
  /** p95 latency at zero load: `latencyFixedMs + latencyPerTokenMs x tokens`, divided by `1 - rho`. */
  latencyFixedMs: 40,
  latencyPerTokenMs: 0.1,
  /** Queue depth: `queueScale x rho^2 / (1 - rho)` (M/M/1 waiting line, one per ten replicas). */
  queueScale: 10,
} as const;

/** Decimals kept in each written column (the CSV writes these values exactly). */
export const SYNTHETIC_DECIMALS = {
  compute_tflops: 3,
  request_count: 0,
  avg_tokens_per_request: 1,
  p95_latency_ms: 1,
  queue_depth: 2,
} as const;

/** A log-normal factor with mean 1 from a standard normal draw: `exp(sigma z - sigma^2 / 2)`. */
export function lognormalFactor(sigma: number, z: number): number {
  return Math.exp(sigma * z - (sigma * sigma) / 2);
}
