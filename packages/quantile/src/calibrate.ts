import type { FitOptions, Series } from '@cdf/core';
import { DEFAULT_HORIZON_BUCKETS } from './horizon-buckets.ts';
import { fitResidualTable, type ResidualTable } from './residual-table.ts';
import { type Forecaster, runRollingOrigin } from './rolling-origin.ts';

/** Options of {@link calibrate}. */
export interface CalibrateOptions extends Pick<FitOptions, 'signal' | 'onProgress'> {
  series: Series;
  /** The point forecaster to calibrate. */
  forecaster: Forecaster;
  /** Steps forecast at each origin. */
  horizon: number;
  /** Origin count (`stride` apart, the latest ending at the last point) or history lengths. Default 12. */
  origins?: number | readonly number[];
  /** Steps between counted origins. Default 23. */
  stride?: number;
  /** 1 where a point is a spike: those steps are left out of the table's `normal` residuals. */
  spikes?: Uint8Array;
  /** Horizon bucket upper bounds in steps. Default [6, 24, 72, 168]. */
  buckets?: readonly number[];
  /** Fewest residuals per bucket before it borrows from its neighbours. Default 100. */
  minResiduals?: number;
  /** Non-decreasing widths across buckets. Default true. */
  monotoneWidth?: boolean;
}

/**
 * Calibrate a point forecaster out of sample: run it in a rolling-origin backtest on `series`
 * (each origin sees only its past) and tabulate the conformal quantiles of its log residuals per
 * horizon bucket. The table feeds {@link assembleScenarios}.
 *
 * @example
 * const table = await calibrate({ series, horizon: 168, origins: 12, forecaster: async (train, h) => myModel(train, h) });
 */
export async function calibrate(options: CalibrateOptions): Promise<ResidualTable> {
  const { series, forecaster, horizon, origins = 12, stride = 23, spikes } = options;
  const records = await runRollingOrigin({
    series,
    horizon,
    origins,
    stride,
    forecasters: { point: forecaster },
    ...(spikes ? { spikes } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return fitResidualTable(records, (r) => r.forecasts.point!, {
    buckets: options.buckets ?? DEFAULT_HORIZON_BUCKETS,
    ...(options.minResiduals === undefined ? {} : { minResiduals: options.minResiduals }),
    ...(options.monotoneWidth === undefined ? {} : { monotoneWidth: options.monotoneWidth }),
  });
}
