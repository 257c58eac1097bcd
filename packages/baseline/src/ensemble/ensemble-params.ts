import { z } from 'zod';
import { CalendarParamsSchema, DEFAULT_CALENDAR_PARAMS } from '../calendar/calendar-params.ts';
import { ENSEMBLE_CANDIDATES } from './ensemble-candidates.ts';

/** Parameters of the ensemble baseline. */
export const EnsembleParamsSchema = z
  .object({
    /** Candidates to choose from. Default: all of them. */
    candidates: z.array(z.enum(ENSEMBLE_CANDIDATES)).min(1).optional(),
    /** How many of the best-validated candidates are averaged. Default 2. */
    combine: z.number().int().min(1).max(ENSEMBLE_CANDIDATES.length).default(2),
    /**
     * Points in each validation window on the tail of the history. Default one week of steps
     * (168 at 1h) when the history holds at least 8 weeks, else two days (48 at 1h).
     */
    validationHorizon: z.number().int().min(1).optional(),
    /**
     * Weeks of the most recent history MSTL + ETS is fitted on (its seasonal shape and level are
     * local; fitting two years instead of 12 weeks costs 8x the time for the same accuracy on
     * synthetic data: 8.2-10.4% MAPE either way over three seeds). `null`: the whole history.
     * Default 12.
     */
    mstlWindowWeeks: z.number().int().min(2).nullable().default(12),
    /** Validation windows, back to back at the end of the history. Default 2. */
    validationWindows: z.number().int().min(1).max(10).default(2),
    /**
     * Holiday and quarter-end effects learned from the history, divided out before the candidates
     * are fitted and multiplied into the forecast (see the README). `null`: none.
     */
    calendar: CalendarParamsSchema.nullable().default(DEFAULT_CALENDAR_PARAMS),
  })
  .strict();
/** Parsed ensemble parameters. */
export type EnsembleParams = z.output<typeof EnsembleParamsSchema>;
