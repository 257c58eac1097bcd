import { HOUR_MS } from '@cdf/core';
import type { FeatureMatrix } from '@cdf/features';

/** Names of the columns {@link withSpikeRunFeatures} adds. */
export const SPIKE_RUN_FEATURE_NAMES = ['spike_run_hours', 'last_spike_run_hours'] as const;

/**
 * The matrix with two spike-episode features of each row's origin `t`, from the anomaly mask up
 * to `t` (causal): `spike_run_hours`, how long the spike in progress at `t` has lasted (0 when
 * `t` is not a spike), and `last_spike_run_hours`, the length of the latest finished spike
 * (NaN before the first). A spike that began 80 hours ago ends sooner than one that began an
 * hour ago; @cdf/features' `hours_since_anomaly` is 0 for both.
 */
export function withSpikeRunFeatures(matrix: FeatureMatrix, anomalies: Uint8Array, stepMs: number): FeatureMatrix {
  const n = anomalies.length;
  const run = new Float64Array(n);
  const last = new Float64Array(n);
  const stepHours = stepMs / HOUR_MS;
  let current = 0;
  let finished = Number.NaN;
  for (let i = 0; i < n; i++) {
    if (anomalies[i] === 1) current++;
    else if (current > 0) {
      finished = current * stepHours;
      current = 0;
    }
    run[i] = current * stepHours;
    last[i] = finished;
  }
  const gather = (perPoint: Float64Array) => Float64Array.from(matrix.origins, (t) => perPoint[t]!);
  return {
    names: [...matrix.names, ...SPIKE_RUN_FEATURE_NAMES],
    columns: [...matrix.columns, gather(run), gather(last)],
    rows: matrix.rows,
    origins: matrix.origins,
    notes: matrix.notes,
  };
}
