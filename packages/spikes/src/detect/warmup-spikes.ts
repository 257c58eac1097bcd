import { medianInPlace } from '@cdf/core';
import { MAD_TO_SIGMA } from './residual-scale.ts';

/**
 * Smallest rise over the median day that {@link withoutWarmupSpikes} cuts down: 1.5x. A weekly
 * cycle rarely lifts one day that far over the median day, a launch (5-7x) or a viral event
 * (2-4x) does. Without this floor the cut took in ordinary days of some M4 series (higher
 * weekends, a rising first week): 0.79% of M4 hourly points flagged instead of 0.70%; with it 0.72%.
 */
export const WARMUP_SPIKE_RATIO = 1.5;

/** The warm-up's median day: the median of each phase of the shortest period, and the robust scale around it. */
export interface WarmupProfile {
  /** Per phase of the period, the median over the warm-up's cycles (log scale). */
  profile: Float64Array;
  /** Robust scale of the warm-up around the profile (MAD / 0.6745, at least the floor). */
  scale: number;
  /** Smallest rise over the profile that is a spike: `clip` scales, or log {@link WARMUP_SPIKE_RATIO} when that is more. */
  spikeRise: number;
  /**
   * Scale of the within-cycle noise around the profile: the MAD / 0.6745 of the deviations from
   * it once each cycle's own median deviation is taken out (at least the floor). Unlike `scale`
   * it leaves out whole days off the median day (a holiday, the weekend, a burst lasting a day),
   * which in a single week are most of the days and made `scale` 0.4-0.9 on synthetic demand
   * whose hourly noise is 0.05.
   */
  noise: number;
  /** Smallest rise over the profile that the late verdicts flag: `clip` noise scales, or log {@link WARMUP_SPIKE_RATIO} when that is more. */
  noiseRise: number;
}

/**
 * The profile of a warm-up (see {@link WarmupProfile}), or null with fewer than three cycles of
 * `period` (one or two bad days could move the median) or no observed value.
 */
export function warmupProfile(
  warmup: Float64Array,
  period: number,
  clip: number,
  floor: number,
): WarmupProfile | null {
  const cycles = Math.floor(warmup.length / period);
  if (period < 1 || cycles < 3) return null;
  const profile = new Float64Array(period);
  const scratch = new Float64Array(Math.ceil(warmup.length / period));
  for (let phase = 0; phase < period; phase++) {
    let n = 0;
    for (let i = phase; i < warmup.length; i += period)
      if (!Number.isNaN(warmup[i]!)) scratch[n++] = warmup[i]!;
    profile[phase] = n > 0 ? medianInPlace(scratch, n) : Number.NaN;
  }
  // Signed deviation of each value from its phase's median, once; NaN where the value is missing.
  const signed = Float64Array.from(warmup, (y, i) => y - profile[i % period]!);
  const deviations = new Float64Array(warmup.length);
  let n = 0;
  for (const d of signed) if (!Number.isNaN(d)) deviations[n++] = Math.abs(d);
  if (n === 0) return null;
  // Each cycle's own median deviation taken out: what is left is the shape's variability within a day.
  const within = new Float64Array(warmup.length);
  let m = 0;
  const cycleScratch = new Float64Array(period);
  for (let start = 0; start < warmup.length; start += period) {
    const cycle = signed.subarray(start, start + period);
    let k = 0;
    for (const d of cycle) if (!Number.isNaN(d)) cycleScratch[k++] = d;
    if (k === 0) continue;
    const shift = medianInPlace(cycleScratch, k);
    for (const d of cycle) if (!Number.isNaN(d)) within[m++] = Math.abs(d - shift);
  }
  const scale = Math.max(medianInPlace(deviations, n) / MAD_TO_SIGMA, floor);
  const noise = m > 0 ? Math.max(medianInPlace(within, m) / MAD_TO_SIGMA, floor) : scale;
  const floorRise = Math.log(WARMUP_SPIKE_RATIO);
  return {
    profile,
    scale,
    spikeRise: Math.max(clip * scale, floorRise),
    noise,
    noiseRise: Math.max(clip * noise, floorRise),
  };
}

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
  const fit = warmupProfile(warmup, period, clip, floor);
  return fit === null ? warmup : capWarmup(warmup, fit);
}

/** `warmup` with each value capped at its phase's profile plus the spike rise of `fit` (see {@link withoutWarmupSpikes}). */
export function capWarmup(warmup: Float64Array, fit: WarmupProfile): Float64Array {
  const period = fit.profile.length;
  return Float64Array.from(warmup, (y, i) => {
    const cap = fit.profile[i % period]! + fit.spikeRise;
    return Number.isNaN(cap) ? y : Math.min(y, cap);
  });
}
