import { rollingMeanStd } from './rolling-mean-std.ts';

/**
 * Utilization: the observed value over the provisioned capacity at the same point. NaN where the
 * value is missing or the capacity is not positive.
 */
export function utilizationColumn(observed: Float64Array, capacity: number | Float64Array): Float64Array {
  const n = observed.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = typeof capacity === 'number' ? capacity : capacity[i]!;
    out[i] = c > 0 ? observed[i]! / c : Number.NaN;
  }
  return out;
}

/**
 * A column against its own trailing norm: `x[i] / mean(x over the trailing window)`, 1 meaning
 * "as usual". Missing points are skipped in the mean and give NaN themselves; so does a norm of 0.
 */
export function versusNormColumn(observed: Float64Array, window: number, minCount: number): Float64Array {
  const { mean } = rollingMeanStd(observed, window, minCount);
  const n = observed.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const norm = mean[i]!;
    out[i] = norm !== 0 ? observed[i]! / norm : Number.NaN;
  }
  return out;
}
