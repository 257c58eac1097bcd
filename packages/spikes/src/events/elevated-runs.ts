import { medianInPlace } from '@cdf/core';

/** Options of {@link extendElevatedRuns}; durations in steps of the series. */
export interface ElevatedRunOptions {
  /** Steps before a run whose median is the level demand must come back to (a week). */
  lookback: number;
  /** Steps of the trailing median that decides whether demand is still elevated (a day). */
  window: number;
  /** Longest extension after a run (four weeks): a level held longer is the new normal. */
  maxExtension: number;
  /** Still elevated while the trailing median exceeds this multiple of the pre-run level. Default 1.5. */
  ratio?: number;
}

/** Median of the finite values in `[from, to)`, leaving out the steps `skip` marks; NaN when none. */
function median(
  values: Float64Array,
  from: number,
  to: number,
  scratch: Float64Array,
  skip?: Uint8Array,
): number {
  let n = 0;
  for (let i = Math.max(0, from); i < to; i++) {
    const v = values[i]!;
    if (Number.isFinite(v) && skip?.[i] !== 1) scratch[n++] = v;
  }
  return medianInPlace(scratch, n);
}

/**
 * The anomaly mask with each flagged plateau (a run at least `window` steps long whose median is
 * over `ratio` x the level before it) extended while demand stays elevated after it: until
 * the trailing `window` median falls back under `ratio` x the median of the unflagged steps among
 * the `lookback` steps before the run, for at most `maxExtension` steps. A causal detector stops flagging a launch
 * plateau once it has absorbed it as the new level (days into a weeks-long launch); without the
 * extension the baseline would learn the plateau as normal demand and forecast it after the
 * launch has ended. Causal: step t is decided from steps up to t only.
 */
export function extendElevatedRuns(
  values: Float64Array,
  mask: Uint8Array,
  options: ElevatedRunOptions,
): Uint8Array {
  const ratio = options.ratio ?? 1.5;
  const out = Uint8Array.from(mask);
  // the longest median is a whole run: room for every step
  const scratch = new Float64Array(values.length);
  let level = Number.NaN;
  let runStart = -1;
  let extendUntil = -1;
  for (let t = 0; t < values.length; t++) {
    if (mask[t] === 1) {
      // a new run measures the ordinary level before it (flagged and extended steps left out);
      // a run that starts inside an extension keeps the level it is still elevated against
      if (t === 0 || out[t - 1] === 0) {
        level = median(values, t - options.lookback, t, scratch, out);
        runStart = t;
      }
      extendUntil = -1;
      // only a plateau is extended: a run at least a window long whose median is itself elevated
      // (a burst of a few hours, or a step of slow growth, is left as the detector flagged it)
      if (mask[t + 1] !== 1 && t + 1 - runStart >= options.window) {
        const plateau = median(values, runStart, t + 1, scratch);
        if (plateau > ratio * level) extendUntil = t + options.maxExtension;
      }
      continue;
    }
    if (t > extendUntil || out[t - 1] !== 1 || !(level > 0)) continue;
    const recent = median(values, t - options.window + 1, t + 1, scratch);
    if (recent > ratio * level) out[t] = 1;
    else extendUntil = -1;
  }
  return out;
}
