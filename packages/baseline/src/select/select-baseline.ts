import {
  type BaselinePlugin,
  CdfError,
  CdfErrorCode,
  type FitOptions,
  InsufficientHistoryError,
  type PlannedEvent,
  type Series,
} from '@cdf/core';
import { errorMessage } from '../shared/error-message.ts';
import { assertHorizon } from '../shared/horizon-check.ts';
import { seasonPoints } from '../shared/seasonal-period.ts';
import { sliceSeries } from '../shared/series-window.ts';
import { skipMask } from '../shared/skip-mask.ts';
import { mase, maseScale, smape } from './forecast-accuracy.ts';

/** A candidate: a plug-in and the parameters to create it with. */
export interface BaselineCandidate {
  plugin: BaselinePlugin;
  params?: unknown;
  /** Shown in the scores; default the plug-in's name. */
  label?: string;
}

/** Options for {@link selectBaseline}. */
export interface SelectBaselineOptions {
  /** Steps predicted at each origin. */
  horizon: number;
  /** Rolling origins on the tail: the last `origins * horizon` points are scored. Default 3. */
  origins?: number;
  /** Which mean score picks the winner: `mase` (default) or `smape`. */
  metric?: 'mase' | 'smape';
  /** Seasonal period (points) of the MASE scale. Default one day at the series' step. */
  seasonPeriod?: number;
  /** Points not to learn from or score (1 = masked), e.g. detected spikes. */
  mask?: Uint8Array;
  /** Planned events, passed to every fit. */
  plannedEvents?: readonly PlannedEvent[];
  /** Passed to every fit (seed, signal). */
  fit?: FitOptions;
}

/** One candidate's backtest result. */
export interface CandidateScore {
  label: string;
  /** Mean sMAPE (percent) over the origins; Infinity when the candidate failed. */
  smape: number;
  /** Mean MASE over the origins; Infinity when the candidate failed. */
  mase: number;
  /** Origins scored. */
  origins: number;
  /** Why the candidate could not be scored, if it could not. */
  failed?: string;
}

/** The winner and every candidate's scores, in the order given. */
export interface BaselineSelection {
  chosen: BaselineCandidate;
  label: string;
  scores: CandidateScore[];
}

function labelOf(candidate: BaselineCandidate): string {
  return candidate.label ?? candidate.plugin.name;
}

/**
 * Pick a baseline by a small rolling-origin backtest on the tail of the series: for each
 * origin (`origins` of them, `horizon` apart, the last ending at the last point) fit on the
 * history before it, forecast `horizon` steps, and score sMAPE and MASE on the observed points.
 * The lowest mean score wins (ties go to the earlier candidate). A candidate that throws is
 * scored Infinity and its error kept in `failed`; if every candidate fails, MODEL_FAILED.
 */
export async function selectBaseline(
  series: Series,
  candidates: readonly BaselineCandidate[],
  options: SelectBaselineOptions,
): Promise<BaselineSelection> {
  const { horizon, origins = 3, metric = 'mase' } = options;
  assertHorizon(horizon);
  if (candidates.length === 0) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'selectBaseline needs at least one candidate', {
      column: 'candidates',
      expected: 'one or more baseline plug-ins',
    });
  }
  const n = series.values.length;
  const period = options.seasonPeriod ?? seasonPoints(series.stepMs, 'day');
  const required = origins * horizon + period + 1;
  if (n < required) throw new InsufficientHistoryError('baseline selection', required, n);
  const skip = skipMask(series, options.mask);

  const scores: CandidateScore[] = [];
  for (const candidate of candidates) {
    const label = labelOf(candidate);
    let smapeSum = 0;
    let maseSum = 0;
    let scored = 0;
    try {
      const estimator = candidate.plugin.create(candidate.params);
      for (let k = origins; k >= 1; k--) {
        const cut = n - k * horizon;
        const train = sliceSeries(series, 0, cut);
        const fitted = await estimator.fit(
          { series: train, mask: skip.slice(0, cut), plannedEvents: options.plannedEvents ?? [] },
          options.fit,
        );
        const forecast = fitted.predict({ horizon }).point;
        const actual = series.values.subarray(cut, cut + horizon);
        const testSkip = skip.subarray(cut, cut + horizon);
        const scale = maseScale(train.values, period, skip.subarray(0, cut));
        const s = smape(actual, forecast, testSkip);
        const m = mase(actual, forecast, scale, testSkip);
        if (Number.isNaN(s) || Number.isNaN(m)) continue; // nothing observed in this window
        smapeSum += s;
        maseSum += m;
        scored++;
      }
      scores.push({
        label,
        smape: scored > 0 ? smapeSum / scored : Number.POSITIVE_INFINITY,
        mase: scored > 0 ? maseSum / scored : Number.POSITIVE_INFINITY,
        origins: scored,
      });
    } catch (error) {
      if (CdfError.isInstance(error) && error.code === CdfErrorCode.Aborted) throw error;
      scores.push({
        label,
        smape: Number.POSITIVE_INFINITY,
        mase: Number.POSITIVE_INFINITY,
        origins: scored,
        failed: errorMessage(error),
      });
    }
  }
  let best = -1;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]![metric];
    if (Number.isFinite(score) && (best < 0 || score < scores[best]![metric])) best = i;
  }
  if (best < 0) {
    throw new CdfError(
      CdfErrorCode.ModelFailed,
      `no baseline candidate could be scored: ${scores.map((s) => `${s.label}: ${s.failed ?? 'no observed points'}`).join('; ')}`,
    );
  }
  return { chosen: candidates[best]!, label: scores[best]!.label, scores };
}
