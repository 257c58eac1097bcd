import { standardNormalCdf } from './normal-cdf.ts';
import type { ResidualDistribution } from './residual-distribution.ts';

/** The spike part of a mixture, on the log scale of the demand over the point forecast. */
export interface SpikeComponent {
  /** Probability that the step is a spike, 0..1. */
  probability: number;
  /** Median demand over the point forecast if it is a spike (3 = 3x); values below 1 count as 1. */
  magnitude: number;
  /** Log-scale standard deviation of the spike's size around `magnitude` (> 0). */
  logSd: number;
}

/**
 * The `level` quantile of the mixture of the normal log residuals and a spike, Normal(log
 * magnitude, logSd^2) on the log scale (demand log-normal around the predicted magnitude): CDF
 * `(1 - p) * F_normal(z) + p * Phi((z - log m) / logSd)`. The normal table holds the calibration
 * hours the detector did not flag, so a spike is new mass beside it: with probability `p` the
 * hour is a spike, otherwise an ordinary hour. Solved by bisection on the mixture CDF (monotone,
 * so the root is unique up to flat stretches, and the smallest solution is returned) to 1e-10 on
 * the log scale. With `p = 0` this is `normal.quantile(level)` exactly.
 *
 * From 2026-11-26 to 2026-11-27 the spike took up to 0.2 of its probability from the top of the
 * normal part instead (on the view that the table still holds the smaller spikes and the tails of
 * larger ones); over 440 synthetic forecast weeks P90 then covered 0.863, and with this rule
 * 0.894 (the quantile package's README).
 */
export function mixtureQuantile(normal: ResidualDistribution, spike: SpikeComponent, level: number): number {
  const p = Math.min(1, Math.max(0, spike.probability));
  if (p === 0) return normal.quantile(level);
  const mu = Math.log(Math.max(1, spike.magnitude));
  const sd = spike.logSd;
  const cdf = (z: number) => (1 - p) * normal.cdf(z) + p * standardNormalCdf((z - mu) / sd);
  const [nLo, nHi] = normal.support;
  let lo = Math.min(nLo, mu - 10 * sd);
  let hi = Math.max(nHi, mu + 10 * sd);
  for (let iter = 0; iter < 200 && hi - lo > 1e-10; iter++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(mid) >= level) hi = mid;
    else lo = mid;
  }
  return hi;
}
