import { CdfError, CdfErrorCode, DAY_MS, HOUR_MS, type SpikeType } from '@cdf/core';
import { SYNTHETIC_EVENT_KINDS } from './event-catalog.ts';

/** What to generate. Counts left out scale with the span (see the README for the defaults). */
export interface SyntheticOptions {
  /** First row: epoch ms, ISO 8601 with `Z` or an offset, or a date `YYYY-MM-DD` (UTC midnight). */
  start: number | string;
  /** End of the span, exclusive: the last row is the last step before it. Same forms as `start`. */
  end: number | string;
  /** Seed of every random choice. Default 42. */
  seed?: number;
  /** Step between rows in ms (1 s .. 1 day). Default one hour. */
  stepMs?: number;
  /** IANA time zone of the calendar effects (business hours, weekends, holidays). Default `UTC`. */
  timeZone?: string;
  /** Named feature launches in the span. Default one per ~75 days (at least one from 30 days). */
  launches?: number;
  /** Viral events in the span. Default 15 per 730 days (at least one from 7 days). */
  viralEvents?: number;
  /** API-abuse bursts per month (30.44 days). Default 2. */
  abuseBurstsPerMonth?: number;
  /** Gradual growth phases in the span. Default one per 180 days (at least one from 60 days). */
  growthPhases?: number;
  /** Launches planned after `end`, listed in `plannedLaunches` only. Default 2. */
  futureLaunches?: number;
  /** Trend (weekly mean demand, TFLOPS) at the first row. Default 100. */
  baseStart?: number;
  /** Trend at the last row. Default 500. */
  baseEnd?: number;
  /**
   * Apply the events' effects. Default true. With `false` the same events are placed (same
   * seed, same noise) but leave no trace: the counterfactual, event-free series, with empty
   * `events` and `eventType`. Levels left by earlier growth phases stay (they are the new normal).
   */
  applyEvents?: boolean;
}

/** {@link SyntheticOptions} with every default filled in and every count resolved. */
export interface ResolvedSyntheticOptions {
  start: number;
  end: number;
  seed: number;
  stepMs: number;
  timeZone: string;
  /** Number of rows: the steps from `start` before `end`. */
  rows: number;
  launches: number;
  viralEvents: number;
  abuseBurstsPerMonth: number;
  /** Abuse bursts placed: `abuseBurstsPerMonth` scaled to the span. */
  abuseBursts: number;
  growthPhases: number;
  futureLaunches: number;
  baseStart: number;
  baseEnd: number;
  applyEvents: boolean;
}

/** The most rows one call generates (570 years hourly, 47 years at 5 minutes): a guard against typos, and it keeps the CSV text under V8's string limit. */
export const MAX_SYNTHETIC_ROWS = 5_000_000;

const AVERAGE_MONTH_DAYS = 30.4375;

function invalid(
  option: string,
  value: unknown,
  expected: string,
  code: CdfErrorCode = CdfErrorCode.InvalidConfig,
) {
  return new CdfError(code, `invalid synthetic option "${option}"`, {
    column: option,
    value: String(value),
    expected,
  });
}

/** Parse `start` / `end`: epoch ms, ISO 8601 with a zone, or a bare date read as UTC midnight. */
export function parseInstantOption(option: string, value: number | string): number {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw invalid(option, value, 'integer epoch milliseconds');
    return value;
  }
  const text = value.trim();
  let ms = Number.NaN;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) ms = Date.parse(`${text}T00:00:00Z`);
  else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i.test(text)) ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    throw invalid(
      option,
      value,
      'ISO 8601 with Z or an offset (2024-01-01T00:00:00Z), a date (2024-01-01) or epoch ms',
      CdfErrorCode.InvalidTimestamp,
    );
  }
  return ms;
}

function count(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) throw invalid(option, value, 'a whole number >= 0');
  return value;
}

function positive(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw invalid(option, value, 'a finite number > 0');
  return value;
}

/** Default count of a kind for a span: its rate, rounded, but at least one once the span allows. */
function defaultCount(type: SpikeType, spanMs: number): number {
  const kind = SYNTHETIC_EVENT_KINDS[type];
  const scaled = Math.round((kind.ratePerDay * spanMs) / DAY_MS);
  return Math.max(scaled, spanMs >= kind.minSpanForOneMs ? 1 : 0);
}

/**
 * Check the options and fill in the defaults. Throws `CdfError` (`INVALID_CONFIG`, or
 * `INVALID_TIMESTAMP` for an unreadable start/end) naming the option.
 */
export function resolveSyntheticOptions(options: SyntheticOptions): ResolvedSyntheticOptions {
  const start = parseInstantOption('start', options.start);
  const end = parseInstantOption('end', options.end);
  const seed = options.seed ?? 42;
  if (!Number.isSafeInteger(seed)) throw invalid('seed', seed, 'an integer');
  const stepMs = options.stepMs ?? HOUR_MS;
  if (!Number.isInteger(stepMs) || stepMs < 1000 || stepMs > DAY_MS) {
    throw invalid('stepMs', stepMs, 'whole milliseconds from 1000 (1 s) to 86400000 (1 day)');
  }
  if (end <= start)
    throw invalid('end', options.end, `an instant after start (${new Date(start).toISOString()})`);
  const rows = Math.ceil((end - start) / stepMs);
  if (rows > MAX_SYNTHETIC_ROWS) {
    throw invalid('end', options.end, `a span of at most ${MAX_SYNTHETIC_ROWS} steps (got ${rows})`);
  }
  const spanMs = rows * stepMs;

  const abuseBurstsPerMonth = options.abuseBurstsPerMonth ?? 2;
  if (!Number.isFinite(abuseBurstsPerMonth) || abuseBurstsPerMonth < 0) {
    throw invalid('abuseBurstsPerMonth', abuseBurstsPerMonth, 'a finite number >= 0');
  }
  const abuseKind = SYNTHETIC_EVENT_KINDS.api_abuse;
  const abuseScaled = Math.round((abuseBurstsPerMonth * spanMs) / (AVERAGE_MONTH_DAYS * DAY_MS));
  const abuseBursts =
    abuseBurstsPerMonth > 0 ? Math.max(abuseScaled, spanMs >= abuseKind.minSpanForOneMs ? 1 : 0) : 0;

  const baseStart = positive('baseStart', options.baseStart, 100);
  const baseEnd = positive('baseEnd', options.baseEnd, 500);
  return {
    start,
    end,
    seed,
    stepMs,
    timeZone: options.timeZone ?? 'UTC',
    rows,
    launches: count('launches', options.launches, defaultCount('feature_launch', spanMs)),
    viralEvents: count('viralEvents', options.viralEvents, defaultCount('viral_event', spanMs)),
    abuseBurstsPerMonth,
    abuseBursts,
    growthPhases: count('growthPhases', options.growthPhases, defaultCount('gradual_growth', spanMs)),
    futureLaunches: count('futureLaunches', options.futureLaunches, 2),
    baseStart,
    baseEnd,
    applyEvents: options.applyEvents ?? true,
  };
}
