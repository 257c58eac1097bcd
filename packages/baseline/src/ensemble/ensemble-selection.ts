import type { Series } from '@cdf/core';
import { mase, maseScale } from '../select/forecast-accuracy.ts';
import {
  candidateMinHistory,
  type EnsembleCandidateName,
  fitCandidate,
  type MstlSettings,
} from './ensemble-candidates.ts';

/** A candidate's validation score. */
export interface CandidateValidation {
  name: EnsembleCandidateName;
  /** Mean MASE over the windows it could be scored on; Infinity when none. */
  mase: number;
  /** Windows scored. */
  windows: number;
}

/** The ranking of candidates and the residuals of their combination on the validation windows. */
export interface EnsembleValidation {
  /** Candidates best first (ties keep the given order); unscored ones last. */
  ranking: CandidateValidation[];
  /** `actual - combined forecast` over the validation windows (observed points only). */
  residuals: number[];
}

/**
 * Starts of the validation windows, oldest first: the most recent `windows` back-to-back windows
 * of `horizon` points that are more than half observed (a masked spike block at the end pushes
 * them back), looking at most `4 * windows` windows back and keeping `seasonPeriod` points before.
 */
export function validationCuts(
  skip: Uint8Array,
  horizon: number,
  windows: number,
  seasonPeriod: number,
): number[] {
  const cuts: number[] = [];
  for (let w = 1; w <= 4 * windows && cuts.length < windows; w++) {
    const cut = skip.length - w * horizon;
    if (cut <= seasonPeriod) break;
    let observed = 0;
    for (let i = cut; i < cut + horizon; i++) if (skip[i] === 0) observed++;
    if (2 * observed > horizon) cuts.push(cut);
  }
  return cuts.reverse();
}

/**
 * Validate candidates on the series' own tail: for each validation window (see
 * {@link validationCuts}), fit on the points before the window and score MASE
 * (scale: seasonal naive at `seasonPeriod`) on its observed points. Only history is used.
 */
export function validateCandidates(
  names: readonly EnsembleCandidateName[],
  clean: Float64Array,
  skip: Uint8Array,
  template: Series,
  options: {
    horizon: number;
    windows: number;
    seasonPeriod: number;
    combine: number;
    /** How MSTL is fitted (see `fitCandidate`). */
    mstl?: MstlSettings | undefined;
  },
): EnsembleValidation {
  const { horizon, windows, seasonPeriod } = options;
  const sums = new Map<EnsembleCandidateName, { total: number; windows: number }>();
  for (const name of names) sums.set(name, { total: 0, windows: 0 });
  const forecasts: { cut: number; byName: Map<EnsembleCandidateName, Float64Array> }[] = [];
  for (const cut of validationCuts(skip, horizon, windows, seasonPeriod)) {
    const train = clean.subarray(0, cut);
    const actual = clean.subarray(cut, cut + horizon);
    const testSkip = skip.subarray(cut, cut + horizon);
    // a flat training window has no seasonal error; rank by plain MAE there (scale 1)
    const measured = maseScale(train, seasonPeriod, skip.subarray(0, cut));
    const scale = measured > 0 ? measured : 1;
    const byName = new Map<EnsembleCandidateName, Float64Array>();
    for (const name of names) {
      if (cut < candidateMinHistory(name, template.stepMs)) continue;
      const forecast = fitCandidate(name, Float64Array.from(train), template, options.mstl).forecast(horizon);
      const score = mase(actual, forecast, scale, testSkip);
      if (!Number.isFinite(score)) continue;
      byName.set(name, forecast);
      const entry = sums.get(name)!;
      entry.total += score;
      entry.windows++;
    }
    forecasts.push({ cut, byName });
  }
  const ranking = names
    .map((name, order) => {
      const { total, windows: scored } = sums.get(name)!;
      return { name, mase: scored > 0 ? total / scored : Number.POSITIVE_INFINITY, windows: scored, order };
    })
    .sort((a, b) => a.mase - b.mase || a.order - b.order)
    .map(({ name, mase: score, windows: scored }) => ({ name, mase: score, windows: scored }));
  const chosen = ranking.slice(0, options.combine).filter((c) => c.windows > 0);
  const residuals: number[] = [];
  for (const { cut, byName } of forecasts) {
    const parts = chosen.map((c) => byName.get(c.name)).filter((f) => f !== undefined);
    if (parts.length === 0) continue;
    for (let h = 0; h < horizon; h++) {
      if (skip[cut + h] === 1) continue;
      let sum = 0;
      for (const f of parts) sum += f[h]!;
      residuals.push(clean[cut + h]! - sum / parts.length);
    }
  }
  return { ranking, residuals };
}
