import { medianInPlace } from '@cdf/core';
import { MAD_TO_SIGMA } from './residual-scale.ts';

/**
 * Smallest rise over the median day that {@link withoutWarmupSpikes} cuts down: 1.5x. A weekly
 * cycle rarely lifts one day that far over the median day, a launch (5-7x) or a viral event
 * (2-4x) does. Without this floor the cut took in ordinary days of some M4 series (higher
 * weekends, a rising first week): 0.79% of M4 hourly points flagged instead of 0.70%; with it 0.72%.
 */
export const WARMUP_SPIKE_RATIO = 1.5;

/**
 * The warm-up, on the detector's log scale (`transform: 'log'`), with its rises cut down before the tracks learn
 * it. During the warm-up no track has a scale yet, so whatever it holds enters every seasonal
 * history as it is: a launch in the first week's last days became that week's normal, and the
 * weekly track expected the launch level on those hours of the week for cycles afterwards
 * (synthetic seed 53, launch on day 6: the daily track took over and flagged Monday mornings for
 * seven weeks, FPR 1.02%). Each value is compared with the median of the same phase of the
 * shortest period over the warm-up (with three or more cycles of it, one or two bad days cannot
 * move that median) and capped at `clip` robust scales above it, or {@link WARMUP_SPIKE_RATIO}
 * when that is more; a drop is left alone (a weekend is lower than the median day). With fewer
 * than three cycles the warm-up is returned as it is. `floor`: the smallest scale allowed.
 */
export function withoutWarmupSpikes(
  warmup: Float64Array,
  period: number,
  clip: number,
  floor: number,
): Float64Array {
  const cycles = Math.floor(warmup.length / period);
  if (period < 1 || cycles < 3) return warmup;
  const profile = new Float64Array(period);
  const scratch = new Float64Array(Math.ceil(warmup.length / period));
  for (let phase = 0; phase < period; phase++) {
    let n = 0;
    for (let i = phase; i < warmup.length; i += period)
      if (!Number.isNaN(warmup[i]!)) scratch[n++] = warmup[i]!;
    profile[phase] = n > 0 ? medianInPlace(scratch, n) : Number.NaN;
  }
  const deviations = new Float64Array(warmup.length);
  let n = 0;
  for (let i = 0; i < warmup.length; i++) {
    const d = Math.abs(warmup[i]! - profile[i % period]!);
    if (!Number.isNaN(d)) deviations[n++] = d;
  }
  if (n === 0) return warmup;
  const scale = Math.max(medianInPlace(deviations, n) / MAD_TO_SIGMA, floor);
  const floorLogRatio = Math.log(WARMUP_SPIKE_RATIO);
  return Float64Array.from(warmup, (y, i) => {
    const cap = profile[i % period]! + Math.max(clip * scale, floorLogRatio);
    return Number.isNaN(cap) ? y : Math.min(y, cap);
  });
}
