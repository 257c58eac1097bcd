import type { ProphetPredictionData, ProphetTrainingData } from '@bsull/augurs/prophet';
import { CdfError, CdfErrorCode, type Series } from '@cdf/core';
import { fillByPhase } from '../shared/phase-fill.ts';
import { seasonPoints } from '../shared/seasonal-period.ts';
import type { ProphetParams, ProphetRegressorSpec } from './prophet-params.ts';

/** Name of the regressor carrying planned events (`multiplier - 1`) when Prophet learns them. */
export const EVENT_REGRESSOR = 'cdf_planned_events';

/** Fewer observed event points than this and the effect is applied as a prior instead of learned. */
export const MIN_EVENT_POINTS = 3;

/** Throws MISSING_COLUMN when a regressor names no column of the series. */
export function assertRegressorColumns(series: Series, regressors: readonly ProphetRegressorSpec[]): void {
  for (const r of regressors) {
    if (series.columns[r.name] === undefined || r.name === series.target) {
      const others = Object.keys(series.columns).filter((c) => c !== series.target);
      throw new CdfError(CdfErrorCode.MissingColumn, `regressor "${r.name}" is not a column of the series`, {
        column: r.name,
        expected:
          others.length > 0 ? `one of ${others.join(', ')}` : 'a numeric column besides the target (none)',
      });
    }
  }
}

/** The period (points) used to fill and extend regressors: a week if two fit, else a day. */
export function regressorPeriod(stepMs: number, points: number): number {
  const week = seasonPoints(stepMs, 'week');
  return points >= 2 * week ? week : seasonPoints(stepMs, 'day');
}

/** Rows Prophet learns from: observed (not filled, not masked) with finite regressors. */
export function trainingRows(
  series: Series,
  skip: Uint8Array,
  regressors: readonly ProphetRegressorSpec[],
): number[] {
  const rows: number[] = [];
  outer: for (let i = 0; i < skip.length; i++) {
    if (skip[i] === 1) continue;
    for (const r of regressors) if (!Number.isFinite(series.columns[r.name]![i]!)) continue outer;
    rows.push(i);
  }
  return rows;
}

/** Count of training rows inside some planned event. */
export function eventRowCount(rows: readonly number[], multipliers: Float64Array): number {
  let count = 0;
  for (const i of rows) if (multipliers[i] !== 1) count++;
  return count;
}

/**
 * The training frame: only the learned-from rows (augurs drops missing `y` too, but dropping
 * them here keeps every column aligned and the behaviour explicit).
 */
export function trainingFrame(
  series: Series,
  rows: readonly number[],
  params: ProphetParams,
  eventColumn: Float64Array | undefined,
): ProphetTrainingData {
  const pick = (column: Float64Array) => Float64Array.from(rows, (i) => column[i]!);
  const x = new Map<string, Float64Array>();
  for (const r of params.regressors) x.set(r.name, pick(series.columns[r.name]!));
  if (eventColumn) x.set(EVENT_REGRESSOR, pick(eventColumn));
  return {
    ds: rows.map((i) => series.timestamps[i]! / 1000),
    y: pick(series.values),
    ...logisticBounds(params, rows.length),
    x,
  };
}

/** Regressor values over the history with non-finite values filled by phase. */
export function historyRegressor(series: Series, name: string): Float64Array {
  const column = series.columns[name]!;
  const skip = Uint8Array.from(column, (v) => (Number.isFinite(v) ? 0 : 1));
  return fillByPhase(column, skip, regressorPeriod(series.stepMs, column.length));
}

/** A regressor over the `horizon` steps after the history, by its `future` rule. */
export function futureRegressor(series: Series, spec: ProphetRegressorSpec, horizon: number): Float64Array {
  const column = historyRegressor(series, spec.name);
  const n = column.length;
  const out = new Float64Array(horizon);
  if (spec.future === 'last') return out.fill(column[n - 1]!);
  const period = regressorPeriod(series.stepMs, n);
  for (let h = 1; h <= horizon; h++) {
    // the value of the same phase in the last full period of the history
    const back = n - period + ((h - 1) % period);
    out[h - 1] = column[Math.max(0, back)]!;
  }
  return out;
}

/** The prediction frame for given timestamps and regressor values. */
export function predictionFrame(
  timestamps: Float64Array,
  params: ProphetParams,
  regressors: ReadonlyMap<string, Float64Array>,
): ProphetPredictionData {
  const x = new Map<string, number[]>();
  for (const [name, values] of regressors) x.set(name, Array.from(values));
  return { ds: Array.from(timestamps, (t) => t / 1000), ...logisticBounds(params, timestamps.length), x };
}

function logisticBounds(params: ProphetParams, length: number): { cap?: number[]; floor?: number[] } {
  if (params.growth !== 'logistic') return {};
  return {
    cap: new Array<number>(length).fill(params.cap!),
    floor: new Array<number>(length).fill(params.floor ?? 0),
  };
}
