import { HOUR_MS, type Series } from '@cdf/core';
import { generateSynthetic, type SyntheticData, syntheticSeries } from '@cdf/data';

/** The bench's synthetic span: two years hourly, 17,520 rows (seed 11), or 8 weeks in a quick run. */
export const TWO_YEARS = { start: '2025-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z', seed: 11 } as const;

/** Rows of the two-year workload (17,520), or of the quick one (1,344 = 8 weeks). */
export function workloadRows(quick: boolean): number {
  return quick ? 8 * 168 : 17_520;
}

/** A synthetic demand series with its ground truth. */
export interface SyntheticWorkload {
  data: SyntheticData;
  series: Series;
}

/**
 * A regular {@link Series} over a generated table (already on a fixed step, nothing filled),
 * targeting `compute_tflops` with every generated column alongside.
 */
export function seriesOfSynthetic(data: SyntheticData, id = 'default'): Series {
  return syntheticSeries(data, { id, columns: 'all' });
}

/** Two years of hourly synthetic demand (17,520 rows, seed 11); 8 weeks in a quick run. */
export function twoYears(quick: boolean, seed: number = TWO_YEARS.seed): SyntheticWorkload {
  const start = Date.parse(TWO_YEARS.start);
  const data = generateSynthetic({ start, end: start + workloadRows(quick) * HOUR_MS, seed });
  return { data, series: seriesOfSynthetic(data) };
}

/** Size of the fleet workload: 200 series x 2,000 hours, or 4 x 1,000 in a quick run. */
export function fleetShape(quick: boolean): { series: number; hours: number } {
  return quick ? { series: 4, hours: 1_000 } : { series: 200, hours: 2_000 };
}

/** The fleet: independent synthetic series (seeds 1000.., one per series) of the same span. */
export function fleet(quick: boolean): Series[] {
  const { series, hours } = fleetShape(quick);
  const start = Date.parse(TWO_YEARS.start);
  const out: Series[] = [];
  for (let k = 0; k < series; k++) {
    const data = generateSynthetic({ start, end: start + hours * HOUR_MS, seed: 1000 + k });
    out.push(seriesOfSynthetic(data, `series-${k}`));
  }
  return out;
}

/** The first `n` points of a series (views, no copy). */
export function headOf(series: Series, n: number): Series {
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(series.columns)) columns[name] = column.subarray(0, n);
  return {
    ...series,
    timestamps: series.timestamps.subarray(0, n),
    values: series.values.subarray(0, n),
    filled: series.filled.subarray(0, n),
    columns,
  };
}
