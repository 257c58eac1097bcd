import {
  type BaselineEstimator,
  type BaselineForecast,
  type BaselineInput,
  type BaselinePlugin,
  type BaselinePredictRequest,
  CdfError,
  CdfErrorCode,
  type FitOptions,
  type FittedBaseline,
  InsufficientHistoryError,
  type PlannedEvent,
  PlannedEventSchema,
  plannedEventsMultiplier,
  SAVED_MODEL_SCHEMA_VERSION,
  type SavedModel,
  SavedModelSchema,
  validate,
  WEEK_MS,
} from '@cdf/core';
import { z } from 'zod';
import { dampedReach, median, theilSenSlope } from './robust-stats.ts';
import { parseWeeklyProfileParams, type WeeklyProfileParams } from './weekly-profile-params.ts';

/** Registry name, written into saved models and run manifests. */
export const WEEKLY_PROFILE_NAME = '@cdf/example-custom-baseline#weekly-profile';

/** What the fitted model keeps: enough to predict and to rebuild its in-sample fit exactly. */
const StateSchema = z.object({
  stepMs: z.number().int().positive(),
  /** Points in a week at this step. */
  weekSteps: z.number().int().positive(),
  /** Level of each phase of the week, at the newest week's level (planned events divided out). */
  profile: z.array(z.number().finite()),
  /** Weekly slope of the weekly medians (Theil-Sen). */
  slope: z.number().finite(),
  /** First timestamp of the history, its length, and where the profile window starts. */
  firstTimestamp: z.number(),
  points: z.number().int().positive(),
  windowStart: z.number().int().nonnegative(),
  weeks: z.number().int().positive(),
  events: z.array(PlannedEventSchema),
  notes: z.array(z.string()),
});
type State = z.output<typeof StateSchema>;

function sameEvent(a: PlannedEvent, b: PlannedEvent): boolean {
  return a.name === b.name && a.start === b.start;
}

function fitted(params: WeeklyProfileParams, state: State): FittedBaseline {
  const { stepMs, weekSteps, profile, slope, firstTimestamp, points, windowStart, weeks } = state;
  const lastTimestamp = firstTimestamp + (points - 1) * stepMs;
  const phaseOf = (index: number) => (((index - windowStart) % weekSteps) + weekSteps) % weekSteps;
  return {
    stage: 'baseline',
    name: WEEKLY_PROFILE_NAME,
    lastTimestamp,
    stepMs,
    notes: state.notes,
    predict(request: BaselinePredictRequest): BaselineForecast {
      const { horizon } = request;
      if (!Number.isInteger(horizon) || horizon < 1) {
        throw new CdfError(CdfErrorCode.InvalidConfig, 'horizon must be a positive integer', {
          column: 'horizon',
          value: String(horizon),
          expected: 'an integer >= 1',
        });
      }
      const extra = (request.events ?? []).filter((e) => !state.events.some((k) => sameEvent(e, k)));
      const events = [...state.events, ...extra];
      const timestamps = new Float64Array(horizon);
      const point = new Float64Array(horizon);
      for (let h = 1; h <= horizon; h++) {
        const t = lastTimestamp + h * stepMs;
        const level = profile[phaseOf(points - 1 + h)]! + slope * dampedReach(params.damping, h / weekSteps);
        timestamps[h - 1] = t;
        point[h - 1] = Math.max(0, level * plannedEventsMultiplier(events, t));
      }
      return { timestamps, point };
    },
    inSample(): BaselineForecast {
      const timestamps = new Float64Array(points);
      const point = new Float64Array(points);
      for (let i = 0; i < points; i++) {
        const t = firstTimestamp + i * stepMs;
        // Weeks before the newest one lie lower on the trend by one slope each.
        const week = Math.floor((i - windowStart) / weekSteps);
        const level = profile[phaseOf(i)]! - slope * (weeks - 1 - week);
        timestamps[i] = t;
        point[i] = Math.max(0, level * plannedEventsMultiplier(state.events, t));
      }
      return { timestamps, point };
    },
    toJSON(): SavedModel {
      return {
        schemaVersion: SAVED_MODEL_SCHEMA_VERSION,
        stage: 'baseline',
        name: WEEKLY_PROFILE_NAME,
        version: '0.1.0',
        params: { ...params },
        state: JSON.parse(JSON.stringify(state)) as unknown,
      };
    },
  };
}

/**
 * Fit: divide planned events out of the history, take the last `weeks` whole weeks, and read
 * (1) the weekly trend as the Theil-Sen slope of the weekly medians and (2) each phase of the
 * week as the median of that phase over those weeks, older weeks lifted to the newest week's
 * level by the trend. Filled and masked points (spikes) are left out of every median.
 */
function fitWeeklyProfile(params: WeeklyProfileParams, input: BaselineInput): FittedBaseline {
  const { series, mask } = input;
  const events = [...(input.plannedEvents ?? [])];
  const n = series.values.length;
  const weekSteps = Math.round(WEEK_MS / series.stepMs);
  if (weekSteps < 2 || Math.abs(weekSteps * series.stepMs - WEEK_MS) > 0) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'the weekly profile needs a step that divides a week', {
      column: 'step',
      value: `${series.stepMs} ms`,
      expected: 'a step such as 5min, 1h or 1d',
    });
  }
  if (n < 2 * weekSteps) throw new InsufficientHistoryError(WEEKLY_PROFILE_NAME, 2 * weekSteps, n);
  const weeks = Math.min(params.weeks, Math.floor(n / weekSteps));
  const windowStart = n - weeks * weekSteps;
  const adjusted = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const skipped = series.filled[i] === 1 || (mask !== undefined && mask[i] === 1);
    adjusted[i] = skipped
      ? Number.NaN
      : series.values[i]! / plannedEventsMultiplier(events, series.timestamps[i]!);
  }
  const weekly: number[] = [];
  for (let j = 0; j < weeks; j++) {
    const from = windowStart + j * weekSteps;
    weekly.push(median(adjusted.slice(from, from + weekSteps)));
  }
  const slope = params.damping === 0 ? 0 : theilSenSlope(weekly);
  const fallback = median(weekly);
  const profile: number[] = [];
  for (let p = 0; p < weekSteps; p++) {
    const lifted: number[] = [];
    for (let j = 0; j < weeks; j++)
      lifted.push(adjusted[windowStart + j * weekSteps + p]! + slope * (weeks - 1 - j));
    const value = median(lifted);
    profile.push(Number.isFinite(value) ? value : Number.isFinite(fallback) ? fallback : 0);
  }
  const notes = [
    `weekly profile: median of the last ${weeks} weeks by phase, trend ${slope.toFixed(3)} per week damped by ${params.damping}`,
  ];
  return fitted(params, {
    stepMs: series.stepMs,
    weekSteps,
    profile,
    slope,
    firstTimestamp: series.timestamps[0]!,
    points: n,
    windowStart,
    weeks,
    events,
    notes,
  });
}

/** Build the estimator; bad parameters throw INVALID_CONFIG before any data is seen. */
export function createWeeklyProfileBaseline(params: unknown = {}): BaselineEstimator {
  const parsed = parseWeeklyProfileParams(params);
  return {
    stage: 'baseline',
    name: WEEKLY_PROFILE_NAME,
    params: parsed,
    async fit(input: BaselineInput, options: FitOptions = {}): Promise<FittedBaseline> {
      if (options.signal?.aborted)
        throw new CdfError(CdfErrorCode.Aborted, 'the weekly-profile fit was aborted');
      return fitWeeklyProfile(parsed, input);
    },
  };
}

/**
 * The weekly-profile baseline as a cdf plug-in. In a cdf config:
 * `{"baseline": {"use": "@cdf/example-custom-baseline#weeklyProfileBaseline", "params": {"weeks": 6}}}`.
 */
export const weeklyProfileBaseline: BaselinePlugin = {
  stage: 'baseline',
  name: WEEKLY_PROFILE_NAME,
  description: 'median weekly profile of the last weeks with a damped weekly trend',
  create: createWeeklyProfileBaseline,
  load(saved: SavedModel): FittedBaseline {
    const envelope = validate(SavedModelSchema, saved, {
      what: 'saved weekly-profile baseline',
      code: CdfErrorCode.IncompatibleModel,
    });
    if (envelope.stage !== 'baseline' || envelope.name !== WEEKLY_PROFILE_NAME) {
      throw new CdfError(
        CdfErrorCode.IncompatibleModel,
        `saved model "${envelope.name}" is not ${WEEKLY_PROFILE_NAME}`,
      );
    }
    const state = validate(StateSchema, envelope.state, {
      what: 'saved weekly-profile state',
      code: CdfErrorCode.IncompatibleModel,
    });
    return fitted(parseWeeklyProfileParams(envelope.params), state);
  },
};
