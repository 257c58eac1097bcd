import {
  CdfError,
  CdfErrorCode,
  DAY_MS,
  type FitOptions,
  type PlannedEvent,
  type Series,
  SeriesSchema,
  validate,
} from '@cdf/core';
import { type BacktestRecord, COMPONENTS } from './backtest-record.ts';
import {
  type CalendarMultipliers,
  type OriginCalendar,
  regressorView,
  withCalendarPutBack,
} from './calendar-divided.ts';
import { calibrateRecords } from './calibrate-records.ts';
import { calibrationOriginPlan } from './calibration-origins.ts';
import { FittedQuantileStage } from './fitted-quantile-stage.ts';
import { fitLevelRegressor, type LevelRegressor } from './level-regressor.ts';
import { type QuantileParams, resolveQuantileParams } from './quantile-params.ts';
import { type Forecaster, runRollingOrigin } from './rolling-origin.ts';
import { robustSpikeMask } from './spike-mask.ts';
import { withoutPlannedEvents } from './without-planned-events.ts';

/** What the quantile stage fits on. */
export interface QuantileFitInput {
  series: Series;
  /** Longest horizon to calibrate, in steps (168 for a week hourly). */
  horizon: number;
  /**
   * The baseline forecaster (fit on a history, forecast `horizon` steps, without planned
   * events): the caller wraps its baseline plug-in, since stages do not depend on each other.
   */
  baseline: Forecaster;
  /** 1 where a point is inside a spike (the spike stage's detections). Default: a robust internal mask. */
  spikes?: Uint8Array;
  /**
   * Launches known to have happened in the history (and any planned ones): their profile is
   * divided out of the series before anything is fitted, so the baseline, the regressor and the
   * residuals see normal demand, as assembly expects (it multiplies the profile back in).
   */
  plannedEvents?: readonly PlannedEvent[];
  /**
   * Fewest points of history `baseline` needs to fit (a baseline plug-in's
   * `capabilities.minHistory`). Calibration origins keep at least this much where the history
   * allows (see `calibrationOriginPlan`). Default 0: the stage's own rule alone.
   */
  baselineMinHistory?: number;
  /**
   * The calendar the baseline learned (its `calendarMultipliers`): divided out of what the level
   * regressor reads and learns, and multiplied into its forecasts, so that a holiday in the
   * history is not read as a fall in demand and a holiday ahead is forecast as the baseline
   * forecasts it. Default: none.
   */
  calendar?: CalendarMultipliers;
  /**
   * The calendar at each calibration origin: what a baseline fitted on that origin's history
   * alone learned (`cdf forecast` takes it from the baseline it refits there anyway). Without it
   * every origin uses `calendar`, whose holiday sizes were learned from the origins' futures too:
   * the backtest then flatters the regressor on holidays and quarter ends and the blend leans
   * on it (measured: see the README).
   */
  calendarFor?: OriginCalendar;
}

/**
 * Fit the quantile stage: a rolling-origin backtest (`params.origins` origins,
 * `params.originStride` apart) of the baseline and of the XGBoost level regressor (retrained at
 * each origin on its past only), then the blend weights per horizon bucket and the conformal
 * table of the blend's log residuals, all out of sample; finally the regressor on the whole
 * series. A history shorter than `params.regressor.minHistoryDays` gets no regressor (the
 * baseline alone, noted). Throws INSUFFICIENT_HISTORY when no origin has `horizon` points of history.
 */
export async function fitQuantileStage(
  input: QuantileFitInput,
  params: unknown = {},
  options: FitOptions = {},
): Promise<FittedQuantileStage> {
  const p = resolveQuantileParams(params);
  const { horizon } = input;
  checkInput(input);
  const series = withoutPlannedEvents(input.series, input.plannedEvents);
  const seed = options.seed ?? 0;
  const spikes = input.spikes ?? robustSpikeMask(series);
  const notes: string[] = [];
  const historyDays = (series.values.length * series.stepMs) / DAY_MS;
  const wantRegressor = p.regressor.enabled && p.baselineWeight !== 1;
  const useRegressor = wantRegressor && historyDays >= p.regressor.minHistoryDays;
  if (wantRegressor && !useRegressor) {
    notes.push(
      `level regressor: ${historyDays.toFixed(1)} days of history, under regressor.minHistoryDays (${p.regressor.minHistoryDays}): baseline-only point forecast`,
    );
  }
  const forecasters: Record<string, Forecaster> = { [COMPONENTS.baseline]: input.baseline };
  const { calendar } = input;
  const calendarFor = input.calendarFor ?? (calendar ? async () => calendar : undefined);
  const backtestRegressor = useRegressor ? regressorForecaster(p, spikes, seed, calendarFor) : null;
  if (backtestRegressor) forecasters[COMPONENTS.regressor] = backtestRegressor;
  const plan = calibrationOriginPlan(series.values.length, horizon, p, input.baselineMinHistory);
  if (plan.note) notes.push(plan.note);
  let records: BacktestRecord[];
  try {
    records = await runRollingOrigin({
      series,
      horizon,
      forecasters,
      origins: plan.origins,
      stride: p.originStride,
      minHistory: plan.minHistory,
      spikes,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } finally {
    backtestRegressor?.free();
  }
  notes.push(`calibration: ${records.length} rolling origins, ${p.originStride} steps apart`);

  let regressor: LevelRegressor | null = null;
  if (useRegressor) {
    regressor = await fitLevelRegressor(regressorView(series, spikes, calendar), {
      horizon,
      params: p.regressor,
      spikes,
      seed,
    });
    if (regressor === null) notes.push('level regressor: too few rows, baseline-only point forecast');
    else notes.push(...regressor.notes);
  }
  const { weights, table } = calibrateRecords(records, p, regressor !== null);
  notes.push(`baseline weight per bucket: ${weights.join(', ')}`);
  const calendarSeen = calendar !== undefined && regressor !== null;
  if (calendarSeen) notes.push("level regressor: the baseline's calendar divided out and put back");
  return new FittedQuantileStage({
    params: p,
    horizon,
    weights,
    table,
    regressor,
    notes,
    calendar: calendarSeen,
  });
}

/** A backtest forecaster that holds a trained model until {@link free} is called. */
export type RegressorForecaster = Forecaster & {
  /** Release the model it holds (the next call retrains). */
  free(): void;
};

/**
 * The level regressor as a backtest forecaster, trained on each origin's history alone: it reads
 * that history's `regressorView` (its `calendarFor` divided out, spike points of the mask cut to
 * it filled) and its forecast is multiplied by that calendar again. It retrains only when the history
 * has grown `params.regressor.refitEvery` steps past the last training, or when a call comes with
 * a shorter history; in between, the last model forecasts from the newer history (its features
 * are read from it), so nothing after an origin is ever seen. NaN where it cannot forecast. Call
 * `free` when done.
 */
export function regressorForecaster(
  params: QuantileParams,
  spikes: Uint8Array,
  seed: number,
  calendarFor?: OriginCalendar,
): RegressorForecaster {
  let model: LevelRegressor | null = null;
  let trainedOn = -1;
  const free = () => {
    model?.free();
    model = null;
    trainedOn = -1;
  };
  const forecaster = async (train: Series, horizon: number): Promise<Float64Array> => {
    const n = train.values.length;
    const calendar = await calendarFor?.(train);
    const clean = regressorView(train, spikes.subarray(0, n), calendar);
    if (trainedOn < 0 || n < trainedOn || n - trainedOn >= params.regressor.refitEvery) {
      free();
      model = await fitLevelRegressor(clean, {
        horizon,
        params: params.regressor,
        spikes: spikes.subarray(0, n),
        seed,
      });
      trainedOn = n;
    }
    if (model === null) return new Float64Array(horizon).fill(Number.NaN);
    return withCalendarPutBack(await model.predict(clean, horizon), train, calendar);
  };
  return Object.assign(forecaster, { free });
}

function checkInput(input: QuantileFitInput): void {
  const { series, horizon, spikes } = input;
  validate(SeriesSchema, series, { what: 'series' });
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'horizon must be a whole number of steps >= 1', {
      column: 'horizon',
      value: String(horizon),
      expected: 'an integer >= 1',
    });
  }
  if (typeof input.baseline !== 'function') {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'baseline must be a forecaster function', {
      column: 'baseline',
      value: typeof input.baseline,
      expected: '(train: Series, horizon: number) => Promise<Float64Array>',
    });
  }
  if (spikes !== undefined && (!(spikes instanceof Uint8Array) || spikes.length !== series.values.length)) {
    throw new CdfError(CdfErrorCode.SchemaMismatch, 'the spike mask does not match the series', {
      column: 'spikes',
      value: String((spikes as { length?: number }).length),
      expected: `a Uint8Array of ${series.values.length} values (1 = spike)`,
    });
  }
}
