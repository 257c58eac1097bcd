import { CdfError, CdfErrorCode, DAY_MS, HOUR_MS, MINUTE_MS, type SpikeType } from '@cdf/core';
import {
  EVENT_GAP_MS,
  GROWTH_PERSISTENCE,
  GROWTH_RISE_SHARE,
  LAUNCH_CODE_NAMES,
  PLACEMENT_ORDER,
  SYNTHETIC_EVENT_KINDS,
  VIRAL_DECAY_SHARE,
  VIRAL_RAMP_SHARE,
} from './event-catalog.ts';
import type { PlacedEvent } from './event-profile.ts';
import type { Rng } from './rng.ts';
import type { ResolvedSyntheticOptions } from './synthetic-options.ts';

/** Attempts to place one event before giving up on the request as unsatisfiable. */
const MAX_ATTEMPTS = 5000;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Draw the shape of one event of a kind (not yet placed: `startIndex` is -1). */
function drawEvent(type: SpikeType, rng: Rng, stepMs: number): PlacedEvent {
  const kind = SYNTHETIC_EVENT_KINDS[type];
  const [minMs, maxMs] = kind.durationMs;
  // Day-long kinds last whole hours; abuse bursts whole minutes. Then snap to the row grid.
  const unit = minMs >= DAY_MS ? HOUR_MS : MINUTE_MS;
  const drawnMs = rng.int(minMs / unit, maxMs / unit) * unit;
  const fewest = Math.max(1, Math.ceil(minMs / stepMs));
  const most = Math.max(fewest, Math.floor(maxMs / stepMs));
  const steps = Math.min(most, Math.max(fewest, Math.round(drawnMs / stepMs)));
  const peakMultiplier = round2(rng.uniform(kind.multiplier[0], kind.multiplier[1]));
  const tokenExponent = round2(rng.uniform(kind.tokenExponent[0], kind.tokenExponent[1]));
  const event: PlacedEvent = {
    type,
    name: '',
    startIndex: -1,
    steps,
    start: 0,
    stepMs,
    peakMultiplier,
    tokenExponent,
    riseSteps: 0,
    persistence: 1,
  };
  const hours = (steps * stepMs) / HOUR_MS;
  if (type === 'viral_event') {
    event.rampHours = Math.max(1, Math.round(VIRAL_RAMP_SHARE * hours));
    event.decayHours = Math.round(VIRAL_DECAY_SHARE * hours);
  } else if (type === 'api_abuse') {
    // On and off at once: a flat burst.
    event.rampHours = 0;
    event.decayHours = 0;
  } else if (type === 'gradual_growth') {
    event.steps = Math.max(2, steps);
    event.riseSteps = Math.min(event.steps - 1, Math.max(1, Math.round(GROWTH_RISE_SHARE * event.steps)));
    event.persistence = round2(rng.uniform(GROWTH_PERSISTENCE[0], GROWTH_PERSISTENCE[1]));
  }
  return event;
}

function countOf(type: SpikeType, options: ResolvedSyntheticOptions): number {
  switch (type) {
    case 'feature_launch':
      return options.launches;
    case 'viral_event':
      return options.viralEvents;
    case 'api_abuse':
      return options.abuseBursts;
    case 'gradual_growth':
      return options.growthPhases;
  }
}

/**
 * Place the historical events on the row grid with a seeded rejection sampler: each event draws
 * its shape and a uniform start, and is redrawn while it overlaps (or comes within
 * {@link EVENT_GAP_MS} of) one already placed. Each kind draws from its own stream. Returns the
 * events in time order, named. Throws `CdfError` (`INVALID_CONFIG`) when the requested events
 * cannot fit in the span.
 */
export function placeEvents(options: ResolvedSyntheticOptions, rng: Rng): PlacedEvent[] {
  const { rows, stepMs } = options;
  const gapSteps = Math.ceil(EVENT_GAP_MS / stepMs);
  const placed: PlacedEvent[] = [];
  for (const type of PLACEMENT_ORDER) {
    const stream = rng.fork(type);
    const wanted = countOf(type, options);
    for (let n = 0; n < wanted; n++) {
      let done = false;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && !done; attempt++) {
        const event = drawEvent(type, stream, stepMs);
        if (event.steps > rows) continue;
        const s = stream.int(0, rows - event.steps);
        const e = s + event.steps;
        const clash = placed.some(
          (p) => s < p.startIndex + p.steps + gapSteps && p.startIndex < e + gapSteps,
        );
        if (clash) continue;
        event.startIndex = s;
        event.start = options.start + s * stepMs;
        placed.push(event);
        done = true;
      }
      if (!done) {
        const days = ((rows * stepMs) / DAY_MS).toFixed(1);
        throw new CdfError(
          CdfErrorCode.InvalidConfig,
          `cannot fit ${wanted} ${type} events (with the others, one day apart) into ${days} days`,
          { column: type, value: String(wanted), expected: 'fewer events or a longer span' },
        );
      }
    }
  }
  placed.sort((a, b) => a.startIndex - b.startIndex);
  return placed;
}

/**
 * Draw launches planned after the span: the first 7-45 days after `end`, then one every 45-90
 * days after the previous one ends. They land on the continued row grid.
 */
export function planFutureLaunches(options: ResolvedSyntheticOptions, rng: Rng): PlacedEvent[] {
  const stream = rng.fork('future_launch');
  const out: PlacedEvent[] = [];
  let nextFrom = options.rows;
  let gapDays = stream.int(7, 45);
  for (let n = 0; n < options.futureLaunches; n++) {
    const event = drawEvent('feature_launch', stream, options.stepMs);
    event.startIndex = nextFrom + Math.round((gapDays * DAY_MS) / options.stepMs);
    event.start = options.start + event.startIndex * options.stepMs;
    out.push(event);
    nextFrom = event.startIndex + event.steps;
    gapDays = stream.int(45, 90);
  }
  return out;
}

/**
 * Name events in time order: launches after a seeded shuffle of code names ("Orion launch",
 * historical then future), the others by kind and number ("viral event 3").
 */
export function nameEvents(historical: PlacedEvent[], future: PlacedEvent[], rng: Rng): void {
  const codes = rng.fork('names').shuffle(LAUNCH_CODE_NAMES);
  let launches = 0;
  const numbers: Record<SpikeType, number> = {
    feature_launch: 0,
    viral_event: 0,
    api_abuse: 0,
    gradual_growth: 0,
  };
  const labels: Record<Exclude<SpikeType, 'feature_launch'>, string> = {
    viral_event: 'viral event',
    api_abuse: 'API abuse burst',
    gradual_growth: 'growth phase',
  };
  for (const event of [...historical, ...future]) {
    numbers[event.type] += 1;
    if (event.type === 'feature_launch') {
      const round = Math.floor(launches / codes.length);
      const code = codes[launches % codes.length]!;
      event.name = round === 0 ? `${code} launch` : `${code} ${round + 1} launch`;
      launches += 1;
    } else {
      event.name = `${labels[event.type]} ${numbers[event.type]}`;
    }
  }
}
