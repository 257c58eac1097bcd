/**
 * Seasonal-profile forecasts: the value at a future (or in-sample) index predicted from the
 * points before an origin only. Every function reads `values[0 .. origin)` and nothing after.
 */

/** Whole periods back from `index` to the latest point of its phase before `origin` (at least 1). */
function periodsBack(origin: number, index: number, period: number): number {
  return Math.max(1, Math.ceil((index - origin + 1) / period));
}

/**
 * Mean of the `cycles` most recent values of the same phase as `index` (`period` points apart)
 * that lie before `origin`; `cycles = 1` is the seasonal naive forecast. NaN when none exists.
 */
export function profileMean(
  values: Float64Array,
  origin: number,
  index: number,
  period: number,
  cycles: number,
): number {
  const back = periodsBack(origin, index, period);
  let sum = 0;
  let count = 0;
  for (let j = index - back * period; j >= 0 && count < cycles; j -= period) {
    sum += values[j]!;
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** Level ratios are kept inside [1/1.5, 1.5]: a profile is rescaled, never blown up by a blip. */
const MAX_LEVEL_RATIO = 1.5;

/**
 * How much higher the last `window` points before `origin` run than their own profile forecast
 * (sum of actuals over sum of profile means, each mean taken from the points before that point),
 * clamped to [1/1.5, 1.5]; 1 when it cannot be measured.
 */
export function levelRatio(
  values: Float64Array,
  origin: number,
  period: number,
  cycles: number,
  window: number,
): number {
  let actual = 0;
  let profile = 0;
  for (let i = Math.max(0, origin - window); i < origin; i++) {
    const p = profileMean(values, i, i, period, cycles);
    if (Number.isNaN(p)) continue;
    actual += values[i]!;
    profile += p;
  }
  if (!(profile > 0) || !(actual >= 0)) return 1;
  return Math.min(MAX_LEVEL_RATIO, Math.max(1 / MAX_LEVEL_RATIO, actual / profile));
}

/** One seasonal-profile rule: period, cycles averaged, and whether the level is rescaled. */
export interface ProfileRule {
  /** Season length in points. */
  period: number;
  /** Most recent cycles averaged. */
  cycles: number;
  /** Points of the recent level check (0 = no level rescaling). */
  levelWindow: number;
}

/**
 * The profile forecast at `index` from the points before `origin`, carried to the level of the
 * last `levelWindow` points. `ratio` (from {@link levelRatio}) is the growth between those points
 * and their own profile, which lies `lag` = period x (cycles + 1) / 2 steps behind them on
 * average; the growth per step it implies rescales each profile point by the steps between where
 * its cycles were taken and the middle of the level window. The forecast is flat at the recent
 * level: one ratio for every step would carry the growth of the past cycles on into the horizon
 * (after a growth phase that has ended, a week-old profile rescaled by last week's growth
 * overshoots by the growth twice).
 */
function levelledProfile(
  values: Float64Array,
  origin: number,
  index: number,
  rule: ProfileRule,
  ratio: number,
): number {
  const mean = profileMean(values, origin, index, rule.period, rule.cycles);
  if (ratio === 1) return mean;
  const back = periodsBack(origin, index, rule.period);
  const profileCentre = index - rule.period * back - (rule.period * (rule.cycles - 1)) / 2;
  const steps = origin - rule.levelWindow / 2 - profileCentre;
  const lag = (rule.period * (rule.cycles + 1)) / 2;
  return mean * ratio ** (steps / lag);
}

const ratioOf = (values: Float64Array, origin: number, rule: ProfileRule): number =>
  rule.levelWindow > 0 ? levelRatio(values, origin, rule.period, rule.cycles, rule.levelWindow) : 1;

/** Forecast `horizon` points after `values` with a profile rule. */
export function profileForecast(values: Float64Array, horizon: number, rule: ProfileRule): Float64Array {
  const n = values.length;
  const ratio = ratioOf(values, n, rule);
  return Float64Array.from({ length: horizon }, (_, h) => levelledProfile(values, n, n + h, rule, ratio));
}

/** One-step-ahead in-sample values of a profile rule (NaN over the first season). */
export function profileInSample(values: Float64Array, rule: ProfileRule): Float64Array {
  const out = new Float64Array(values.length);
  for (let t = 0; t < values.length; t++)
    out[t] = levelledProfile(values, t, t, rule, ratioOf(values, t, rule));
  return out;
}
