import type { Series } from '@cdf/core';

/** How far above the filled value a week earlier a point after a spike run must read to be its decay. */
const DECAY_MARGIN = 1.15;
/** Longest decay filled after a spike run, in days. */
const DECAY_DAYS = 3;

/**
 * The series with its spike points replaced by normal demand: the value one week earlier (one day
 * earlier in the first week; itself, already replaced if it was a spike, so runs of spikes chain
 * back to normal values), for the level regressor. Its lag and rolling features and the level it
 * divides by would otherwise carry a burst into the forecasts of the days after it.
 *
 * An event's decay is part of the event: after a run of spike points, the points that follow are
 * filled too while each reads more than 15% above the value it would be filled with (for at most
 * three days; the first point that does not ends the decay). A detector flags a launch's plateau
 * but not all of its tail, and a history that ends in the tail (an unannounced launch decaying on
 * Christmas Eve at 962 against about 550 ordinary) otherwise shows the regressor a jump on its
 * last day, which it reads as the ramp of a new launch. The series itself is returned when
 * nothing is masked.
 */
export function withSpikesFilled(series: Series, mask: Uint8Array): Series {
  const n = series.values.length;
  const day = Math.max(1, Math.round(86_400_000 / series.stepMs));
  const week = 7 * day;
  let values: Float64Array | null = null;
  let decayLeft = 0;
  for (let i = 0; i < n; i++) {
    const back = i >= week ? i - week : i >= day ? i - day : -1;
    const spike = mask[i] === 1;
    if (!spike) {
      const decaying =
        decayLeft > 0 && back >= 0 && series.values[i]! > DECAY_MARGIN * (values ?? series.values)[back]!;
      decayLeft = decaying ? decayLeft - 1 : 0;
      if (!decaying) continue;
    } else {
      decayLeft = DECAY_DAYS * day;
    }
    if (back < 0) continue;
    values ??= Float64Array.from(series.values);
    values[i] = values[back]!;
  }
  if (values === null) return series;
  return { ...series, values, columns: { ...series.columns, [series.target]: values } };
}
