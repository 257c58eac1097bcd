import { z } from 'zod';
import { HOUR_MS } from '../time.ts';
import { InstantSchema } from './timestamp.ts';

/** The four kinds of spike cdf tells apart. */
export const SpikeTypeSchema = z.enum(['feature_launch', 'viral_event', 'api_abuse', 'gradual_growth']);
/** One of {@link SpikeTypeSchema}'s values. */
export type SpikeType = z.infer<typeof SpikeTypeSchema>;
/** Every spike type, in a stable order. */
export const SPIKE_TYPES: readonly SpikeType[] = SpikeTypeSchema.options;

/**
 * A launch (or any known event) planned in the future. The seed's file shape
 * (`date, name, expected_multiplier, expected_duration_hours`) is accepted: `date` is read as `start`.
 *
 * The multiplier profile over time: linear ramp from 1 to `expected_multiplier` over
 * `ramp_hours`, plateau, then linear decay back to 1 over `decay_hours`, all within
 * `expected_duration_hours`. See {@link plannedEventMultiplier}.
 */
export const PlannedEventSchema = z.preprocess(
  (raw) => {
    if (raw && typeof raw === 'object' && !('start' in raw) && 'date' in raw) {
      const { date, ...rest } = raw as Record<string, unknown>;
      return { ...rest, start: date };
    }
    return raw;
  },
  z
    .object({
      /** Start of the event (epoch ms after parsing). */
      start: InstantSchema,
      /** A name people recognise: "GPT-5 launch". */
      name: z.string().min(1),
      /** Peak demand as a multiple of the baseline: 6 means 6x. */
      expected_multiplier: z.number().finite().positive(),
      /** How long the event lasts, ramp and decay included. */
      expected_duration_hours: z.number().finite().positive(),
      /** Hours from start to full effect; default 10% of the duration (at least 1 h). */
      ramp_hours: z.number().finite().nonnegative().optional(),
      /** Hours from full effect back to none at the end; default 40% of the duration. */
      decay_hours: z.number().finite().nonnegative().optional(),
    })
    .refine((e) => (e.ramp_hours ?? 0) + (e.decay_hours ?? 0) <= e.expected_duration_hours, {
      message: 'ramp_hours + decay_hours must not exceed expected_duration_hours',
    }),
);
/** A parsed planned event; `start` is epoch milliseconds. */
export type PlannedEvent = z.output<typeof PlannedEventSchema>;
/** A planned event as written in a file, before parsing. */
export type PlannedEventInput = z.input<typeof PlannedEventSchema>;

/** When a planned event is over (epoch ms, exclusive): its start plus its expected duration. */
export function plannedEventEnd(event: Pick<PlannedEvent, 'start' | 'expected_duration_hours'>): number {
  return event.start + event.expected_duration_hours * HOUR_MS;
}

/**
 * The demand multiplier a planned event applies at time `t` (epoch ms): 1 outside the event,
 * `expected_multiplier` on its plateau, linear in between. Every stage uses this one profile so
 * the baseline, the features and the quantiles agree on what a launch looks like.
 */
export function plannedEventMultiplier(event: PlannedEvent, t: number): number {
  const duration = event.expected_duration_hours;
  const hours = (t - event.start) / HOUR_MS;
  if (hours < 0 || hours >= duration) return 1;
  const ramp = event.ramp_hours ?? Math.min(duration / 2, Math.max(1, duration * 0.1));
  const decay = event.decay_hours ?? Math.min(duration - ramp, duration * 0.4);
  const peak = event.expected_multiplier;
  if (ramp > 0 && hours < ramp) return 1 + (peak - 1) * Math.min(1, (hours + 1) / ramp);
  const decayStart = duration - decay;
  if (decay > 0 && hours >= decayStart) return 1 + (peak - 1) * Math.min(1, (duration - hours) / decay);
  return peak;
}

/** The combined multiplier of several planned events at `t`: overlapping effects multiply. */
export function plannedEventsMultiplier(events: readonly PlannedEvent[], t: number): number {
  let m = 1;
  for (const e of events) m *= plannedEventMultiplier(e, t);
  return m;
}

/**
 * A spike that happened (detected, or ground truth from the synthetic generator): contiguous
 * anomalous time from `start` to `end` (inclusive, epoch ms), its peak and its type.
 */
export const SpikeEventSchema = z
  .object({
    /** Series id, for fleets. */
    series_id: z.string().optional(),
    start: InstantSchema,
    end: InstantSchema,
    /** Time of the highest value (epoch ms). */
    peak: InstantSchema,
    /** The highest observed value. */
    peak_value: z.number().finite().nonnegative(),
    /** Peak over the expected (baseline) value at the peak: 3 means 3x. */
    magnitude: z.number().finite().positive(),
    type: SpikeTypeSchema,
    /** Optional name (ground-truth events carry one, e.g. the launch name). */
    name: z.string().optional(),
    /** Detector confidence 0..1, when detected. */
    score: z.number().min(0).max(1).optional(),
  })
  .refine((e) => e.start <= e.peak && e.peak <= e.end, { message: 'need start <= peak <= end' });
/** A parsed spike event; times are epoch milliseconds. */
export type SpikeEvent = z.output<typeof SpikeEventSchema>;
