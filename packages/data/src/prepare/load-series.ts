import { detectFormat, type LoadOptions, loadMetrics } from '../load/index.ts';
import type { PrepareInput } from './loaded-table.ts';
import type { PrepareOptions } from './prepare-options.ts';
import { type PreparedData, prepareSeries } from './prepare-series.ts';

/**
 * Load a metrics file and prepare its series in one call: {@link loadMetrics} then
 * {@link prepareSeries}. `target` and `timeZone` serve both (the zone reads naive timestamps
 * and is stored on each Series for calendar features).
 *
 * @example
 * const { series, summary } = await loadSeries('metrics.csv', { idCol: 'model', resample: '1h' });
 */
export async function loadSeries(
  path: string,
  options: LoadOptions & PrepareOptions = {},
): Promise<PreparedData> {
  const table = await loadMetrics(path, options);
  const format = options.format ?? detectFormat(path);
  // The loader does not record the format; the summary reports it.
  const input: PrepareInput = format === undefined ? table : { ...table, format };
  return prepareSeries(input, options);
}
