import type { Series } from '@cdf/core';

/**
 * The series with its spike points replaced by normal demand: the value one week earlier (one day
 * earlier in the first week; itself, already replaced if it was a spike, so runs of spikes chain
 * back to normal values), for the level regressor. Its lag and rolling features and the level it
 * divides by would otherwise carry a burst into the forecasts of the days after it. The series
 * itself is returned when nothing is masked.
 */
export function withSpikesFilled(series: Series, mask: Uint8Array): Series {
  const n = series.values.length;
  const day = Math.max(1, Math.round(86_400_000 / series.stepMs));
  const week = 7 * day;
  let values: Float64Array | null = null;
  for (let i = 0; i < n; i++) {
    if (mask[i] !== 1) continue;
    const back = i >= week ? i - week : i >= day ? i - day : -1;
    if (back < 0) continue;
    values ??= Float64Array.from(series.values);
    values[i] = values[back]!;
  }
  if (values === null) return series;
  return { ...series, values, columns: { ...series.columns, [series.target]: values } };
}
