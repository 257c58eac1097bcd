import type { Series } from '../schemas/series.ts';
import { HOUR_MS } from '../time.ts';

/** Options for {@link makeSeries}. */
export interface MakeSeriesOptions {
  /** First timestamp, epoch ms. Default Monday 2024-01-01 00:00 UTC. */
  start?: number;
  /** Step in ms. Default one hour. */
  stepMs?: number;
  /** Series id. Default `"default"`. */
  id?: string;
  /** Target column name. Default `compute_tflops`. */
  target?: string;
  /** Indices to flag as filled. */
  filled?: readonly number[];
}

/** Build a valid {@link Series} from plain values, for tests. */
export function makeSeries(values: ArrayLike<number>, options: MakeSeriesOptions = {}): Series {
  const {
    start = Date.UTC(2024, 0, 1),
    stepMs = HOUR_MS,
    id = 'default',
    target = 'compute_tflops',
  } = options;
  const n = values.length;
  const timestamps = new Float64Array(n);
  for (let i = 0; i < n; i++) timestamps[i] = start + i * stepMs;
  const v = Float64Array.from(values);
  const filled = new Uint8Array(n);
  for (const i of options.filled ?? []) filled[i] = 1;
  return { id, target, stepMs, timestamps, values: v, filled, columns: { [target]: v }, timeZone: 'UTC' };
}

/**
 * A deterministic hourly demand series for contract tests: linear growth, a daily cycle, a
 * weekly dip and small pseudo-random noise (a fixed linear congruential generator).
 */
export function makeContractSeries(hours = 24 * 7 * 6, seed = 7): Series {
  let state = seed >>> 0 || 1;
  const noise = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const values = new Float64Array(hours);
  for (let i = 0; i < hours; i++) {
    const hourOfDay = i % 24;
    const dayOfWeek = Math.floor(i / 24) % 7; // day 0 is a Monday
    const daily = 1 + 0.35 * Math.sin(((hourOfDay - 8) / 24) * 2 * Math.PI);
    const weekly = dayOfWeek >= 5 ? 0.7 : 1;
    values[i] = (100 + 0.05 * i) * daily * weekly * (1 + 0.03 * noise());
  }
  return makeSeries(values);
}
