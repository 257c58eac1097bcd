import type { Series } from '@cdf/core';
import { robustSpikeMask } from '@cdf/quantile';
import { extendElevatedRuns } from '@cdf/spikes';
import { stepsPerDay } from './steps-per-day.ts';

/**
 * The points that are not normal demand, causally: the detector's flagged runs, the plateau of a
 * long launch after the detector has absorbed it (until demand is back near its earlier level),
 * and what stands far above the same hour of the last unmasked weeks (a multi-day viral burst
 * the detector took for a new level within hours, or one right after a launch). The baseline and
 * the calibration leave these out.
 */
export function normalMaskOf(series: Series, flagged: Uint8Array): Uint8Array {
  const day = stepsPerDay(series.stepMs);
  const mask = extendElevatedRuns(series.values, flagged, {
    lookback: 7 * day,
    window: day,
    maxExtension: 28 * day,
  });
  const elevated = robustSpikeMask(series, 4, 'causal');
  for (let i = 0; i < mask.length; i++) if (elevated[i] === 1) mask[i] = 1;
  return mask;
}
