// Prophet (augurs, via @cdf/baseline) with its own intervals, for the comparison: the upper bound
// of the central interval at level 2q - 1 is quantile q. Fitted on the same normal-demand history
// as ours (planned launches divided out, spike mask), the planned profile multiplied back in.
import { createProphetBaseline } from '@cdf/baseline';
import { type PlannedEvent, plannedEventsMultiplier, type Series } from '@cdf/core';
import { seriesHead } from '../src/series-window.ts';

/** Prophet's quantiles of one forecast by level: 0.5 (the point), 0.75 .. 0.99 and the lower 0.05, 0.01. */
export type ProphetQuantiles = Map<number, Float64Array>;

/**
 * Prophet's forecast of the `horizon` steps after `origin`, fitted on the last `window` points
 * of `normal` (the history with planned events divided out).
 */
export async function prophetQuantiles(
  normal: Series,
  origin: number,
  horizon: number,
  spikes: Uint8Array,
  planned: readonly PlannedEvent[],
  window: number,
): Promise<ProphetQuantiles> {
  const start = Math.max(0, origin - window);
  const head = seriesHead(normal, origin);
  const train: Series = {
    ...head,
    timestamps: head.timestamps.slice(start),
    values: head.values.slice(start),
    filled: head.filled.slice(start),
    columns: { [head.target]: head.values.slice(start) },
  };
  const fitted = await createProphetBaseline({ seasonalityMode: 'multiplicative' }).fit(
    { series: train, mask: spikes.slice(start, origin) },
    { seed: 0 },
  );
  const out: ProphetQuantiles = new Map();
  const first = fitted.predict({ horizon });
  const m = Float64Array.from(first.timestamps, (t) => plannedEventsMultiplier(planned, t));
  const scaled = (a: Float64Array) => Float64Array.from(a, (v, i) => Math.max(0, v) * m[i]!);
  out.set(0.5, scaled(first.point));
  for (const [interval, upperLevel, lowerLevel] of [
    [0.5, 0.75, 0.25],
    [0.8, 0.9, 0.1],
    [0.9, 0.95, 0.05],
    [0.98, 0.99, 0.01],
  ] as const) {
    const f = fitted.predict({ horizon, level: interval });
    out.set(upperLevel, scaled(f.upper!));
    out.set(lowerLevel, scaled(f.lower!));
  }
  return out;
}
