import { CdfError, CdfErrorCode, type Series } from '@cdf/core';
import type { SYNTHETIC_COLUMNS, SyntheticData } from './generate-synthetic.ts';

/** How {@link syntheticSeries} builds its series. */
export interface SyntheticSeriesOptions {
  /** Series id (default `synthetic-<seed>`). */
  id?: string;
  /** The demand column forecast (default `compute_tflops`). */
  target?: (typeof SYNTHETIC_COLUMNS)[number];
  /**
   * `target` (default): only the target column, so no feature sees the capacity-pressure columns;
   * `all`: every synthetic column (utilisation, queue and latency features can use them).
   */
  columns?: 'target' | 'all';
}

/**
 * Generated data as a pipeline `Series`: nothing filled, in the generator's time zone.
 *
 * @example
 * const series = syntheticSeries(generateSynthetic({ start: '2025-01-01', end: '2027-01-01', seed: 7 }));
 */
export function syntheticSeries(data: SyntheticData, options: SyntheticSeriesOptions = {}): Series {
  const target = options.target ?? 'compute_tflops';
  const values = data.columns[target];
  if (values === undefined) {
    throw new CdfError(CdfErrorCode.MissingColumn, `the synthetic data has no ${target} column`, {
      column: target,
    });
  }
  return {
    id: options.id ?? `synthetic-${data.options.seed}`,
    target,
    stepMs: data.options.stepMs,
    timestamps: data.timestamps,
    values,
    filled: new Uint8Array(values.length),
    columns: options.columns === 'all' ? data.columns : { [target]: values },
    timeZone: data.options.timeZone,
  };
}
