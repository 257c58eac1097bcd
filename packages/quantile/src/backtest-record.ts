/**
 * One origin of a rolling-origin backtest: what each forecaster said for the `horizon` steps
 * after the origin, and what happened.
 */
export interface BacktestRecord {
  /** Points of history the forecasters saw: the forecast covers points `origin .. origin + horizon - 1`. */
  origin: number;
  /** Epoch ms of each forecast step. */
  times: Float64Array;
  /** What was observed at each step (the series' value; see `usable`). */
  actual: Float64Array;
  /** 1 where the actual was observed (not filled) and may be scored, else 0. */
  usable: Uint8Array;
  /** 1 where the step is inside a spike (from the anomaly mask), else 0. */
  spike: Uint8Array;
  /** The history's recent level at the origin (median of its last week, see `recentLevel`). */
  level?: number;
  /** Each forecaster's forecast by name, `horizon` values each. */
  forecasts: Record<string, Float64Array>;
}

/** Names of the two components of the blended point forecast. */
export const COMPONENTS = { baseline: 'baseline', regressor: 'regressor' } as const;
