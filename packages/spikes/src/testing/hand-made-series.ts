import { HOUR_MS, type Series } from '@cdf/core';
import { seededRandom } from '../forest/seeded-random.ts';

/** Options of {@link handMadeSeries}. */
export interface HandMadeOptions {
  /** Points. */
  length: number;
  /** Step in ms. Default one hour. */
  stepMs?: number;
  /** Multiplicative noise (sd of a uniform-sum normal approximation). Default 0.03. */
  noise?: number;
  /** Seed of the noise. Default 1. */
  seed?: number;
}

/**
 * A small deterministic demand series for tests: level 100 with a daily cycle (+-30%, peak at
 * 13:00 UTC), a 30% weekend dip and seeded multiplicative noise, starting on Monday 2024-01-01.
 * The daily shape depends on the time of day, not on the index, so the same day at 5 min and 1 h
 * has the same shape.
 */
export function handMadeSeries(options: HandMadeOptions): Series {
  const stepMs = options.stepMs ?? HOUR_MS;
  const random = seededRandom(options.seed ?? 1);
  const noise = options.noise ?? 0.03;
  const start = Date.UTC(2024, 0, 1);
  const n = options.length;
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = start + i * stepMs;
    timestamps[i] = t;
    const hour = (t % 86_400_000) / HOUR_MS;
    const weekday = new Date(t).getUTCDay();
    const daily = 1 + 0.3 * Math.cos((2 * Math.PI * (hour - 13)) / 24);
    const weekly = weekday === 0 || weekday === 6 ? 0.7 : 1;
    // Sum of 4 uniforms, centred and scaled to unit variance: close enough to normal.
    const z = (random() + random() + random() + random() - 2) * Math.sqrt(3);
    values[i] = 100 * daily * weekly * Math.exp(noise * z);
  }
  return {
    id: 'default',
    target: 'value',
    stepMs,
    timestamps,
    values,
    filled: new Uint8Array(n),
    columns: { value: values },
    timeZone: 'UTC',
  };
}

/** Index of the largest entry of `xs`. */
export function argMax(xs: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i]! > xs[best]!) best = i;
  return best;
}
