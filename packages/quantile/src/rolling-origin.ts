import { CdfError, CdfErrorCode, type FitOptions, InsufficientHistoryError, type Series } from '@cdf/core';
import type { BacktestRecord } from './backtest-record.ts';
import { recentLevel } from './recent-level.ts';
import { seriesHead } from './series-window.ts';

/** A point forecaster: history in, `horizon` forecasts for the steps after its last point out. */
export type Forecaster = (train: Series, horizon: number) => Promise<Float64Array>;

/** Options of {@link runRollingOrigin}. */
export interface RollingOriginOptions extends Pick<FitOptions, 'signal' | 'onProgress'> {
  series: Series;
  /** Steps forecast at each origin. */
  horizon: number;
  /** The forecasters to run at each origin, by name. */
  forecasters: Record<string, Forecaster>;
  /**
   * Origins as history lengths (the forecast starts at that point), or a count: that many
   * origins `stride` apart, the latest one ending its horizon at the last point.
   */
  origins: number | readonly number[];
  /** Steps between counted origins. Default 23. */
  stride?: number;
  /** Fewest points of history an origin needs (origins with less are dropped). Default `horizon`. */
  minHistory?: number;
  /** 1 where a point is inside a spike (copied into each record's `spike`). */
  spikes?: Uint8Array;
}

/**
 * History lengths of `count` origins `stride` apart, the latest with its whole horizon inside the
 * series, ascending; those with fewer than `minHistory` points of history are left out.
 */
export function rollingOrigins(
  n: number,
  horizon: number,
  count: number,
  stride: number,
  minHistory: number,
): number[] {
  const out: number[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const origin = n - horizon - k * stride;
    if (origin >= minHistory) out.push(origin);
  }
  return out;
}

/**
 * A rolling-origin backtest: at each origin every forecaster sees only the history before it
 * (a copy, so nothing after the origin can leak) and forecasts `horizon` steps, which are set
 * against what happened. Throws INSUFFICIENT_HISTORY when no origin has enough history, and a
 * CdfError (MODEL_FAILED) when a forecaster returns the wrong number of values.
 */
export async function runRollingOrigin(options: RollingOriginOptions): Promise<BacktestRecord[]> {
  const { series, horizon, forecasters, stride = 23, spikes } = options;
  const n = series.values.length;
  const minHistory = options.minHistory ?? horizon;
  const origins =
    typeof options.origins === 'number'
      ? rollingOrigins(n, horizon, options.origins, stride, minHistory)
      : options.origins.filter((o) => o >= minHistory && o + horizon <= n);
  if (origins.length === 0) {
    throw new InsufficientHistoryError('rolling-origin calibration', minHistory + horizon, n);
  }
  const records: BacktestRecord[] = [];
  for (const [k, origin] of origins.entries()) {
    if (options.signal?.aborted) throw new CdfError(CdfErrorCode.Aborted, 'calibration stopped');
    const train = seriesHead(series, origin);
    const forecasts: Record<string, Float64Array> = {};
    for (const [name, forecaster] of Object.entries(forecasters)) {
      const f = await forecaster(train, horizon);
      if (!(f instanceof Float64Array) || f.length !== horizon) {
        throw new CdfError(
          CdfErrorCode.ModelFailed,
          `forecaster "${name}" returned the wrong number of values`,
          {
            column: name,
            value: String((f as { length?: number } | undefined)?.length),
            expected: `a Float64Array of ${horizon} values`,
          },
        );
      }
      forecasts[name] = f;
    }
    const end = origin + horizon;
    const usable = new Uint8Array(horizon);
    for (let i = 0; i < horizon; i++) usable[i] = series.filled[origin + i] === 0 ? 1 : 0;
    records.push({
      origin,
      times: series.timestamps.slice(origin, end),
      actual: series.values.slice(origin, end),
      usable,
      spike: spikes ? spikes.slice(origin, end) : new Uint8Array(horizon),
      level: recentLevel(series, origin),
      forecasts,
    });
    options.onProgress?.({ label: 'quantile: calibration backtest', done: k + 1, total: origins.length });
  }
  return records;
}
