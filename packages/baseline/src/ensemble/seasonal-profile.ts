/**
 * Seasonal-profile forecasts: the value at a future (or in-sample) index predicted from the
 * points before an origin only. Every function reads `values[0 .. origin)` and nothing after.
 */

/** Whole periods back from `index` to the latest point of its phase before `origin` (at least 1). */
function periodsBack(origin: number, index: number, period: number): number {
  return Math.max(1, Math.ceil((index - origin + 1) / period));
}

/** Mean of the same-phase values a profile averages, and how many cycles it found. */
interface ProfilePoint {
  mean: number;
  cycles: number;
}

function profilePoint(
  values: Float64Array,
  origin: number,
  index: number,
  period: number,
  cycles: number,
): ProfilePoint {
  const back = periodsBack(origin, index, period);
  let sum = 0;
  let count = 0;
  for (let j = index - back * period; j >= 0 && count < cycles; j -= period) {
    sum += values[j]!;
    count++;
  }
  return { mean: count === 0 ? Number.NaN : sum / count, cycles: count };
}

/**
 * Mean of the `cycles` most recent values of the same phase as `index` (`period` points apart)
 * that lie before `origin` (fewer when the history is shorter); `cycles = 1` is the seasonal
 * naive forecast. NaN when none exists.
 */
export function profileMean(
  values: Float64Array,
  origin: number,
  index: number,
  period: number,
  cycles: number,
): number {
  return profilePoint(values, origin, index, period, cycles).mean;
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
  return levelGrowth(values, origin, period, cycles, window).ratio;
}

/** The level ratio and how far its profiles lie behind the points they are compared with. */
interface LevelGrowth {
  ratio: number;
  /** Mean steps from a window point back to the centre of its profile's cycles. */
  lag: number;
}

function levelGrowth(
  values: Float64Array,
  origin: number,
  period: number,
  cycles: number,
  window: number,
): LevelGrowth {
  let actual = 0;
  let profile = 0;
  let cyclesSum = 0;
  let fewest = Number.POSITIVE_INFINITY;
  let most = 0;
  for (let i = Math.max(0, origin - window); i < origin; i++) {
    const p = profilePoint(values, i, i, period, cycles);
    if (Number.isNaN(p.mean)) continue;
    actual += values[i]!;
    profile += p.mean;
    cyclesSum += p.mean * p.cycles;
    fewest = Math.min(fewest, p.cycles);
    most = Math.max(most, p.cycles);
  }
  // a profile of c cycles, the nearest one period back, is centred period x (c + 1) / 2 behind
  const found = fewest === most ? most : profile > 0 ? cyclesSum / profile : cycles;
  const lag = (period * (found + 1)) / 2;
  if (!(profile > 0) || !(actual >= 0)) return { ratio: 1, lag };
  return { ratio: Math.min(MAX_LEVEL_RATIO, Math.max(1 / MAX_LEVEL_RATIO, actual / profile)), lag };
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
 * and their own profile, which lies `lag` = period x (c + 1) / 2 steps behind them on average
 * (c the cycles the history held for them: fewer than the rule's on a short history); the
 * growth per step it implies rescales each profile point by the steps between where
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
  growth: LevelGrowth,
): number {
  const { mean, cycles } = profilePoint(values, origin, index, rule.period, rule.cycles);
  if (growth.ratio === 1) return mean;
  // centres and lags from the cycles the history holds: on a history shorter than `rule.cycles`
  // periods, the profile is younger than the rule's full count of cycles would make it
  const back = periodsBack(origin, index, rule.period);
  const profileCentre = index - rule.period * back - (rule.period * (cycles - 1)) / 2;
  const steps = origin - rule.levelWindow / 2 - profileCentre;
  return mean * growth.ratio ** (steps / growth.lag);
}

const growthOf = (values: Float64Array, origin: number, rule: ProfileRule): LevelGrowth =>
  rule.levelWindow > 0
    ? levelGrowth(values, origin, rule.period, rule.cycles, rule.levelWindow)
    : { ratio: 1, lag: (rule.period * (rule.cycles + 1)) / 2 };

/** Forecast `horizon` points after `values` with a profile rule. */
export function profileForecast(values: Float64Array, horizon: number, rule: ProfileRule): Float64Array {
  const n = values.length;
  const growth = growthOf(values, n, rule);
  return Float64Array.from({ length: horizon }, (_, h) => levelledProfile(values, n, n + h, rule, growth));
}

/** One-step-ahead in-sample values of a profile rule (NaN over the first season). */
export function profileInSample(values: Float64Array, rule: ProfileRule): Float64Array {
  const out = new Float64Array(values.length);
  for (let t = 0; t < values.length; t++)
    out[t] = levelledProfile(values, t, t, rule, growthOf(values, t, rule));
  return out;
}
