import { DAY_MS, HOUR_MS, type SpikeType } from '@cdf/core';

/** How one kind of synthetic event looks: its range of peak multipliers and of durations. */
export interface SyntheticEventKind {
  /** Peak demand as a multiple of the event-free demand: [min, max]. */
  multiplier: readonly [number, number];
  /** Duration in milliseconds, ramp and decay included: [min, max]. */
  durationMs: readonly [number, number];
  /**
   * How the extra demand splits between requests and tokens: tokens per request scale by
   * `multiplier ^ tokenExponent` (a range: one value is drawn per event), requests take the rest.
   * 0: more requests with normal tokens; > 0: longer requests too; < 0: many short requests.
   */
  tokenExponent: readonly [number, number];
  /** Default count per day of span (before rounding). */
  ratePerDay: number;
  /** Shortest span (ms) for which the default count is at least one. */
  minSpanForOneMs: number;
}

/**
 * The four kinds of synthetic event, as the seed system described them. Tests check every
 * generated event against these ranges.
 */
export const SYNTHETIC_EVENT_KINDS: Readonly<Record<SpikeType, SyntheticEventKind>> = {
  // A new model: 5-7x for 3-14 days, ramping up then decaying; longer answers (more tokens).
  feature_launch: {
    multiplier: [5, 7],
    durationMs: [3 * DAY_MS, 14 * DAY_MS],
    tokenExponent: [0.3, 0.3],
    ratePerDay: 1 / 75,
    minSpanForOneMs: 30 * DAY_MS,
  },
  // Word of mouth: 2-4x for 1-4 days; more requests of the usual size. 15 per two years.
  viral_event: {
    multiplier: [2, 4],
    durationMs: [DAY_MS, 4 * DAY_MS],
    tokenExponent: [0, 0],
    ratePerDay: 15 / 730,
    minSpanForOneMs: 7 * DAY_MS,
  },
  // A misbehaving client: 2-5x for 1-6 hours, on and off at once; a flood of tiny requests.
  api_abuse: {
    multiplier: [2, 5],
    durationMs: [HOUR_MS, 6 * HOUR_MS],
    tokenExponent: [-1.5, -1],
    ratePerDay: 2 / 30.4375,
    minSpanForOneMs: DAY_MS,
  },
  // Adoption: +20-60% over 1-3 weeks (a slow rise, then a partial give-back); the level persists.
  gradual_growth: {
    multiplier: [1.2, 1.6],
    durationMs: [7 * DAY_MS, 21 * DAY_MS],
    tokenExponent: [0, 0],
    ratePerDay: 1 / 180,
    minSpanForOneMs: 60 * DAY_MS,
  },
};

/** Share of a growth phase's rise that persists after it: [min, max]. */
export const GROWTH_PERSISTENCE: readonly [number, number] = [0.5, 1];

/** Share of a growth phase spent rising; the rest settles to the persisted level. */
export const GROWTH_RISE_SHARE = 0.75;

/** Viral events ramp up over this share of their duration and decay over {@link VIRAL_DECAY_SHARE}. */
export const VIRAL_RAMP_SHARE = 0.15;
/** Share of a viral event's duration spent decaying. */
export const VIRAL_DECAY_SHARE = 0.5;

/** Quiet time kept between any two events, so each is a separate spike. */
export const EVENT_GAP_MS = DAY_MS;

/** Order in which kinds are placed: the long ones first, so the short ones fill the gaps. */
export const PLACEMENT_ORDER: readonly SpikeType[] = [
  'feature_launch',
  'gradual_growth',
  'viral_event',
  'api_abuse',
];

/** Code names for launched models; launch k (in time order) is named after the k-th of a seeded shuffle. */
export const LAUNCH_CODE_NAMES = [
  'Aurora',
  'Borealis',
  'Cirrus',
  'Dynamo',
  'Ember',
  'Falcon',
  'Granite',
  'Helix',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Orion',
  'Pulsar',
  'Quasar',
  'Raven',
  'Sirius',
  'Tundra',
  'Umbra',
  'Vega',
  'Willow',
  'Zephyr',
] as const;
