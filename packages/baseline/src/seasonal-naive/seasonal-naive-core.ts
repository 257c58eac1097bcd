/**
 * The numeric core of the seasonal naive forecast, on plain arrays. `values` are already
 * divided by any planned-event multiplier, `skip` marks points not to learn from.
 */
export interface SeasonalNaiveCore {
  /** For each phase (index mod period), the value to repeat. */
  phaseValues: Float64Array;
  /** One-step-back seasonal fit over the history (NaN where no earlier value of the phase exists). */
  inSample: Float64Array;
}

/**
 * Repeat the last season, using for each phase the most recent observed (unskipped) value of
 * that phase; a phase never observed takes the most recent observed value of any phase.
 */
export function seasonalNaiveCore(values: Float64Array, skip: Uint8Array, period: number): SeasonalNaiveCore {
  const n = values.length;
  const lastByPhase = new Float64Array(period).fill(Number.NaN);
  const inSample = new Float64Array(n);
  let lastObserved = Number.NaN;
  for (let i = 0; i < n; i++) {
    const phase = i % period;
    inSample[i] = lastByPhase[phase]!;
    if (skip[i] === 0) {
      lastByPhase[phase] = values[i]!;
      lastObserved = values[i]!;
    }
  }
  const phaseValues = new Float64Array(period);
  for (let p = 0; p < period; p++) {
    const v = lastByPhase[p]!;
    phaseValues[p] = Number.isNaN(v) ? lastObserved : v;
  }
  return { phaseValues, inSample };
}

/** The phase of the point `h` steps (1-based) after the last of `n` points. */
export function futurePhase(n: number, h: number, period: number): number {
  return (n - 1 + h) % period;
}
