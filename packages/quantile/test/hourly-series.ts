// An hourly demand `Series` from its values, for the tests.
import type { Series } from '@cdf/core';

/** `values` as an hourly series `id` from 2024-01-01 UTC, target `demand`. */
export function hourlySeries(id: string, values: Float64Array): Series {
  const timestamps = Float64Array.from(values, (_, i) => Date.UTC(2024, 0, 1) + i * 3_600_000);
  return {
    id,
    target: 'demand',
    stepMs: 3_600_000,
    timestamps,
    values,
    filled: new Uint8Array(values.length),
    columns: { demand: values },
    timeZone: 'UTC',
  };
}
