import type { Series } from '@cdf/core';
import { type ChangeParamsInput, type ResolvedChangeParams, resolveChangeParams } from './change-params.ts';
import { ContextNovelty } from './context-novelty.ts';
import { LevelShiftStat } from './level-shift-stat.ts';
import { VolatilityStat } from './volatility-stat.ts';

/** What the change detector says about one point. */
export interface ChangeStep {
  /** 0..1 after the refractory period (0 while silenced); compare with a threshold. */
  score: number;
  /** 0..1 before the refractory period. */
  rawScore: number;
  /** Improbability in decades of the level-shift statistic (0 = nothing unusual, or not yet scoring). */
  decadesLevel: number;
  /** The same for the level shift of the seasonal difference (0 without a season). */
  decadesSeasonal: number;
  /** The same for the context (sequence) novelty. */
  decadesContext: number;
  /** The same for the volatility (the last points' spread against its own past; 0 without `volatilityWindows`). */
  decadesVolatility: number;
  /** True when this point raised an alarm (`rawScore >= alarmScore` outside a refractory period). */
  alarm: boolean;
}

/**
 * A streaming detector of changes in a series' behaviour, built for general monitoring data (the
 * NAB corpus): level shifts and outliers against a recent reference window, the same on the
 * seasonal difference, the volatility of the last points, and novel sequences of discretised
 * values. Each statistic is ranked against its own past, so the score needs no knowledge of the
 * series' scale; the most improbable one wins (Bonferroni-corrected). After an alarm it stays
 * silent for `refractory`, so a change raises one alarm. Causal, O(1) amortised per point, memory
 * bounded by the parameters.
 *
 * This is the NAB-profile detector; demand spikes are the ensemble's job (`createAnomalyDetector`).
 *
 * @example
 * const detector = new ChangeDetector(300_000);          // 5 min steps, NAB configuration
 * for (const value of stream) if (detector.step(value).score >= 0.68) alert();
 */
export class ChangeDetector {
  /** Resolved parameters in steps. */
  readonly params: ResolvedChangeParams;
  private readonly level: LevelShiftStat;
  private readonly seasonal: LevelShiftStat | null;
  private readonly seasonRing: Float64Array;
  private readonly context: ContextNovelty;
  private readonly volatility: VolatilityStat | null;
  private readonly correction: number;
  private seen = 0;
  private observed = 0;
  private lastAlarm = Number.NEGATIVE_INFINITY;

  constructor(stepMs: number, params: ChangeParamsInput = {}) {
    const p = resolveChangeParams(params, stepMs);
    this.params = p;
    this.level = new LevelShiftStat(p.referenceSteps, p.shortWindows, p.history);
    this.seasonal =
      p.seasonSteps > 0 ? new LevelShiftStat(p.referenceSteps, p.shortWindows, p.history) : null;
    this.seasonRing = new Float64Array(Math.max(1, p.seasonSteps));
    this.context = new ContextNovelty(p.learnSteps, p.bins, p.contexts, p.smoothing, p.history);
    this.volatility =
      p.volatilityWindows.length > 0
        ? new VolatilityStat(p.volatilityWindows, p.history, p.referenceSteps + Math.max(...p.shortWindows))
        : null;
    this.correction = Math.log10((this.seasonal ? 3 : 2) + (this.volatility ? 1 : 0));
  }

  /** Points seen so far. */
  get count(): number {
    return this.seen;
  }

  /**
   * Score the next point from the past only, then learn from it. Missing points (NaN, or
   * `missing`) score 0 and are skipped: the statistics see the observed points in order.
   */
  step(value: number, missing = false): ChangeStep {
    const t = this.seen++;
    if (missing || !Number.isFinite(value)) {
      return {
        score: 0,
        rawScore: 0,
        decadesLevel: 0,
        decadesSeasonal: 0,
        decadesContext: 0,
        decadesVolatility: 0,
        alarm: false,
      };
    }
    const o = this.observed++;
    const decadesLevel = this.level.step(value);
    let decadesSeasonal = 0;
    if (this.seasonal) {
      const lag = this.seasonRing.length;
      if (o >= lag) decadesSeasonal = this.seasonal.step(value - this.seasonRing[o % lag]!);
      this.seasonRing[o % lag] = value;
    }
    const decadesContext = this.context.step(value);
    const decadesVolatility = this.volatility ? this.volatility.step(value) : 0;
    const best = Math.max(decadesLevel, decadesSeasonal, decadesContext, decadesVolatility) - this.correction;
    const rawScore = best > 0 ? 1 - 10 ** (-best / this.params.scoreDecades) : 0;
    const silenced = t - this.lastAlarm <= this.params.refractorySteps;
    const alarm = !silenced && rawScore >= this.params.alarmScore;
    if (alarm) this.lastAlarm = t;
    return {
      score: silenced ? 0 : rawScore,
      rawScore,
      decadesLevel,
      decadesSeasonal,
      decadesContext,
      decadesVolatility,
      alarm,
    };
  }
}

/**
 * Run the {@link ChangeDetector} over a whole series (filled points as missing), exactly as the
 * stream would: the scores are the streaming ones, bit for bit.
 */
export function scoreChanges(series: Series, params: ChangeParamsInput = {}): Float64Array {
  const detector = new ChangeDetector(series.stepMs, params);
  const scores = new Float64Array(series.values.length);
  for (let i = 0; i < scores.length; i++) {
    scores[i] = detector.step(series.values[i]!, series.filled[i] === 1).score;
  }
  return scores;
}
