import { type SpikeEvent, type SpikeType, toIsoUtc } from '@cdf/core';
import { roundToDecimals } from '../write/number-format.ts';
import { calendarFactor, WEEKDAY_PEAK_FACTOR } from './calendar-profile.ts';
import { nameEvents, placeEvents, planFutureLaunches } from './event-placement.ts';
import {
  eventHours,
  eventMultiplierAt,
  type PlacedEvent,
  persistedLevel,
  toPlannedEvent,
} from './event-profile.ts';
import { createLocalCalendar } from './local-calendar.ts';
import { createRng } from './rng.ts';
import {
  type ResolvedSyntheticOptions,
  resolveSyntheticOptions,
  type SyntheticOptions,
} from './synthetic-options.ts';
import { FLOPS_PER_TOKEN, lognormalFactor, SYNTHETIC_DECIMALS, WORKLOAD_MODEL } from './workload-model.ts';

/** A launch in the seed system's file shape; core's `PlannedEventSchema` reads it as is. */
export interface PlannedLaunchRecord {
  /** Start, ISO 8601 with `Z`. */
  date: string;
  name: string;
  /** Peak demand as a multiple of the usual. */
  expected_multiplier: number;
  /** Duration, ramp and decay included. */
  expected_duration_hours: number;
}

/** The column names of a synthetic table, in output order (after `timestamp`, before `event_type`). */
export const SYNTHETIC_COLUMNS = [
  'compute_tflops',
  'request_count',
  'avg_tokens_per_request',
  'p95_latency_ms',
  'queue_depth',
] as const;

/**
 * A generated series with its ground truth. `timestamps` and `columns` have the shape of a
 * `MetricsTable`, so the data can go straight into the pipeline without a file.
 */
export interface SyntheticData {
  /** Epoch ms of each row, `options.stepMs` apart. */
  timestamps: Float64Array;
  /** The {@link SYNTHETIC_COLUMNS}, one value per row. */
  columns: Record<string, Float64Array>;
  /** Per row: the type of the event it belongs to, or '' outside events. */
  eventType: (SpikeType | '')[];
  /** Ground truth, in time order: one record per event, rows `start..end` inclusive. */
  events: SpikeEvent[];
  /** Every launch (the historical ones, then `futureLaunches` after `end`) in the seed's launch-file shape. */
  plannedLaunches: PlannedLaunchRecord[];
  /** The options with every default resolved. */
  options: ResolvedSyntheticOptions;
}

/**
 * Generate synthetic compute demand with ground-truth events: a linear trend, daily, weekly,
 * monthly and quarterly cycles, holidays, end-of-quarter lifts and multiplicative noise, with
 * named feature launches, viral events, API-abuse bursts and gradual growth phases multiplied
 * in. Request, token, latency and queue columns follow from demand (see the README).
 *
 * Same options, same output, bit for bit. Noise draws do not depend on the events, so
 * `applyEvents: false` gives the same series with the events taken out (the counterfactual).
 *
 * @example
 * const data = generateSynthetic({ start: '2024-01-01', end: '2025-01-01', seed: 7 });
 * data.columns.compute_tflops; // Float64Array of 8784 hourly values
 * data.events.filter((e) => e.type === 'feature_launch'); // the launches, with names
 */
export function generateSynthetic(options: SyntheticOptions): SyntheticData {
  const o = resolveSyntheticOptions(options);
  const calendar = createLocalCalendar(o.timeZone);
  const root = createRng(o.seed);
  const placed = placeEvents(o, root.fork('events'));
  const future = planFutureLaunches(o, root.fork('events'));
  nameEvents(placed, future, root);

  const n = o.rows;
  const multiplier = new Float64Array(n).fill(1);
  const tokenFactor = new Float64Array(n).fill(1);
  const level = new Float64Array(n).fill(1);
  const eventType: (SpikeType | '')[] = new Array(n).fill('');
  for (const event of placed) {
    const end = event.startIndex + event.steps;
    if (o.applyEvents) {
      const planned = toPlannedEvent(event);
      for (let i = event.startIndex; i < end; i++) {
        const m = eventMultiplierAt(event, i, planned);
        multiplier[i] = m;
        tokenFactor[i] = m ** event.tokenExponent;
        eventType[i] = event.type;
      }
    }
    const after = persistedLevel(event);
    if (after !== 1) for (let i = end; i < n; i++) level[i]! *= after;
  }
  // Growth phases leave lasting levels; tilt the linear trend down by just as much (smoothly,
  // geometrically) so the span still runs from baseStart to baseEnd.
  const totalLevel = n > 0 ? level[n - 1]! : 1;

  const timestamps = new Float64Array(n);
  const compute = new Float64Array(n);
  const requests = new Float64Array(n);
  const tokens = new Float64Array(n);
  const latency = new Float64Array(n);
  const queue = new Float64Array(n);
  const noise = root.fork('noise');
  const w = WORKLOAD_MODEL;
  const d = SYNTHETIC_DECIMALS;
  const stepSeconds = o.stepMs / 1000;
  // TFLOPS over one step -> FLOPs in that step, and back.
  const flopsPerTflopsStep = 1e12 * stepSeconds;
  for (let i = 0; i < n; i++) {
    const t = o.start + i * o.stepMs;
    timestamps[i] = t;
    // Four draws per row, always, so events never shift the noise of later rows.
    const zDemand = noise.normal();
    const zTokens = noise.normal();
    const zLatency = noise.normal();
    const zQueue = noise.normal();

    const progress = n > 1 ? i / (n - 1) : 0;
    const trend = (o.baseStart + (o.baseEnd - o.baseStart) * progress) * totalLevel ** -progress;
    const demand =
      trend *
      level[i]! *
      calendarFactor(calendar.localTime(t)) *
      multiplier[i]! *
      lognormalFactor(w.demandNoise, zDemand);
    const tokenBase = w.tokensStart + (w.tokensEnd - w.tokensStart) * progress;
    const tokensPerRequest = Math.max(
      1,
      roundToDecimals(
        tokenBase * tokenFactor[i]! * lognormalFactor(w.tokensNoise, zTokens),
        d.avg_tokens_per_request,
      ),
    );
    const requestCount = Math.max(
      1,
      Math.round((demand * flopsPerTflopsStep) / (tokensPerRequest * FLOPS_PER_TOKEN)),
    );
    const tflops = roundToDecimals(
      (requestCount * tokensPerRequest * FLOPS_PER_TOKEN) / flopsPerTflopsStep,
      d.compute_tflops,
    );

    const capacity = w.fleetHeadroom * trend * level[i]! * WEEKDAY_PEAK_FACTOR;
    const rho = Math.min(tflops / capacity, w.maxUtilisation);
    const idleLatency = w.latencyFixedMs + w.latencyPerTokenMs * tokensPerRequest;
    compute[i] = tflops;
    requests[i] = requestCount;
    tokens[i] = tokensPerRequest;
    latency[i] = roundToDecimals(
      (idleLatency / (1 - rho)) * lognormalFactor(w.latencyNoise, zLatency),
      d.p95_latency_ms,
    );
    queue[i] = roundToDecimals(
      ((w.queueScale * rho * rho) / (1 - rho)) * lognormalFactor(w.queueNoise, zQueue),
      d.queue_depth,
    );
  }

  const events = o.applyEvents
    ? placed.map((event) => groundTruth(event, multiplier, compute, timestamps))
    : [];
  const launches = [...(o.applyEvents ? placed : []), ...future].filter((e) => e.type === 'feature_launch');
  return {
    timestamps,
    columns: {
      compute_tflops: compute,
      request_count: requests,
      avg_tokens_per_request: tokens,
      p95_latency_ms: latency,
      queue_depth: queue,
    },
    eventType,
    events,
    plannedLaunches: launches.map((e) => ({
      date: toIsoUtc(e.start),
      name: e.name,
      expected_multiplier: e.peakMultiplier,
      expected_duration_hours: roundToDecimals(eventHours(e), 6),
    })),
    options: o,
  };
}

/**
 * The ground-truth record of a placed event. The peak is the row of the highest multiplier (on a
 * plateau: the one with the highest demand); `magnitude` is the multiplier there, which equals
 * demand over the event-free demand at that row.
 */
function groundTruth(
  event: PlacedEvent,
  multiplier: Float64Array,
  compute: Float64Array,
  timestamps: Float64Array,
): SpikeEvent {
  let peak = event.startIndex;
  const last = event.startIndex + event.steps - 1;
  for (let i = event.startIndex + 1; i <= last; i++) {
    const m = multiplier[i]!;
    const best = multiplier[peak]!;
    if (m > best + 1e-12 || (Math.abs(m - best) <= 1e-12 && compute[i]! > compute[peak]!)) peak = i;
  }
  return {
    start: timestamps[event.startIndex]!,
    end: timestamps[last]!,
    peak: timestamps[peak]!,
    peak_value: compute[peak]!,
    magnitude: roundToDecimals(multiplier[peak]!, 6),
    type: event.type,
    name: event.name,
  };
}
