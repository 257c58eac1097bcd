import { HOUR_MS, type Series, type SpikeType } from '@cdf/core';

/** History the features of one origin need: 30 days of spike history, a week of lags, margin. */
export const TAIL_HOURS = 800;

/** The end of a series and its anomaly mask: enough to compute the features of its last point. */
export interface HistoryTail {
  series: Series;
  anomalies: Uint8Array;
  /** The detector's spike type per step ('' outside spikes), when it was given. */
  spikeTypes?: (SpikeType | '')[];
}

/** The last {@link TAIL_HOURS} hours of `series`, `anomalies` and `spikeTypes` if given (copies). */
export function historyTail(
  series: Series,
  anomalies: Uint8Array,
  spikeTypes?: readonly (SpikeType | '')[],
): HistoryTail {
  const n = series.timestamps.length;
  const keep = Math.min(n, Math.ceil((TAIL_HOURS * HOUR_MS) / series.stepMs) + 1);
  const from = n - keep;
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(series.columns)) columns[name] = column.slice(from);
  return {
    series: {
      ...series,
      timestamps: series.timestamps.slice(from),
      values: columns[series.target]!,
      filled: series.filled.slice(from),
      columns,
    },
    anomalies: anomalies.slice(from),
    ...(spikeTypes === undefined ? {} : { spikeTypes: spikeTypes.slice(from) }),
  };
}

/** A tail as JSON (plain number arrays). */
export interface SavedHistoryTail {
  id: string;
  target: string;
  stepMs: number;
  timeZone: string;
  start: number;
  columns: Record<string, number[]>;
  filled: number[];
  anomalies: number[];
  spikeTypes?: (SpikeType | '')[];
}

/** {@link HistoryTail} to JSON. */
export function saveHistoryTail(tail: HistoryTail): SavedHistoryTail {
  const { series } = tail;
  const columns: Record<string, number[]> = {};
  for (const [name, column] of Object.entries(series.columns)) columns[name] = Array.from(column);
  return {
    id: series.id,
    target: series.target,
    stepMs: series.stepMs,
    timeZone: series.timeZone,
    start: series.timestamps[0] ?? 0,
    columns,
    filled: Array.from(series.filled),
    anomalies: Array.from(tail.anomalies),
    ...(tail.spikeTypes === undefined ? {} : { spikeTypes: [...tail.spikeTypes] }),
  };
}

/** JSON back to a {@link HistoryTail}. */
export function loadHistoryTail(saved: SavedHistoryTail): HistoryTail {
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(saved.columns)) columns[name] = Float64Array.from(column);
  const n = saved.filled.length;
  return {
    series: {
      id: saved.id,
      target: saved.target,
      stepMs: saved.stepMs,
      timeZone: saved.timeZone,
      timestamps: Float64Array.from({ length: n }, (_, i) => saved.start + i * saved.stepMs),
      values: columns[saved.target]!,
      filled: Uint8Array.from(saved.filled),
      columns,
    },
    anomalies: Uint8Array.from(saved.anomalies),
    ...(saved.spikeTypes === undefined ? {} : { spikeTypes: [...saved.spikeTypes] }),
  };
}
