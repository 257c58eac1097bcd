import {
  type Aggregation,
  AggregationSchema,
  CdfError,
  CdfErrorCode,
  DEFAULT_TARGET,
  parseDuration,
} from '@cdf/core';
import type { findDropouts } from './dropouts.ts';
import type { PrepareInput } from './loaded-table.ts';

/** What to do with rows sharing a timestamp within one series. */
export type DuplicatePolicy = 'error' | 'sum' | 'mean' | 'last';

/** Options of {@link prepareSeries}. */
export interface PrepareOptions {
  /** Demand column. Default the loaded table's target, else `compute_tflops`. */
  target?: string;
  /** IANA time zone stored on each Series for calendar features. Default `UTC`. */
  timeZone?: string;
  /**
   * Resample to this step: a duration (`1h`, `5min`, `1d`) or milliseconds. Buckets are aligned
   * to the UTC epoch grid (`floor(t / step) * step`). Absent: keep the inferred step.
   */
  resample?: string | number;
  /** Rows sharing a timestamp: `error` (default) or merge them with `sum`, `mean` or `last`. */
  onDuplicate?: DuplicatePolicy;
  /** Per-column aggregation rules for resampling, overriding {@link aggregationFor}'s. */
  aggregation?: Record<string, Aggregation>;
  /** Each series must have at least `points` points for `model`, else InsufficientHistoryError. */
  minHistory?: { points: number; model: string };
  /**
   * A series that fails (a duplicate, an irregular step, too short) either throws (`throw`,
   * default) or is left out and reported in `PreparedData.failures` (`collect`), so one bad
   * series of a fleet does not lose the others.
   */
  onSeriesError?: 'throw' | 'collect';
  /**
   * Observed target values that are dropouts (below 1% of the same time of day on the days
   * around, see {@link findDropouts}): `fill` (default) treats them as missing, so they are
   * interpolated and flagged in `filled` like any gap and counted in the summary's
   * `gaps.dropouts`; `keep` takes them as demand.
   */
  dropouts?: 'keep' | 'fill';
}

/** Options after defaults and checks. */
export interface ResolvedPrepareOptions {
  target: string;
  timeZone: string;
  resampleMs: number | null;
  onDuplicate: DuplicatePolicy;
  aggregation: Record<string, Aggregation>;
  minHistory: { points: number; model: string } | null;
  onSeriesError: 'throw' | 'collect';
  dropouts: 'keep' | 'fill';
  source: string | undefined;
  timeCol: string | undefined;
}

const DUPLICATE_POLICIES: readonly DuplicatePolicy[] = ['error', 'sum', 'mean', 'last'];

/** Apply defaults and check every option; bad options throw CdfError `INVALID_CONFIG`. */
export function resolvePrepareOptions(table: PrepareInput, options: PrepareOptions): ResolvedPrepareOptions {
  const target = options.target ?? table.target ?? DEFAULT_TARGET;
  const timeZone = options.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) {
    throw invalid(`unknown time zone "${timeZone}"`, 'an IANA time zone such as UTC or Europe/Paris');
  }
  const onDuplicate = options.onDuplicate ?? 'error';
  if (!DUPLICATE_POLICIES.includes(onDuplicate)) {
    throw invalid(`unknown duplicate policy "${String(onDuplicate)}"`, 'one of error, sum, mean, last');
  }
  const aggregation = options.aggregation ?? {};
  for (const [column, rule] of Object.entries(aggregation)) {
    if (!AggregationSchema.safeParse(rule).success) {
      throw invalid(
        `unknown aggregation "${String(rule)}" for column "${column}"`,
        'sum, mean, max, min or last',
      );
    }
  }
  const minHistory = options.minHistory ?? null;
  if (minHistory && !(Number.isInteger(minHistory.points) && minHistory.points > 0)) {
    throw invalid(`minimum history must be a positive whole number of points, got ${minHistory.points}`);
  }
  const dropouts = options.dropouts ?? 'fill';
  if (dropouts !== 'keep' && dropouts !== 'fill') {
    throw invalid(`unknown dropout rule "${String(dropouts)}"`, 'keep or fill');
  }
  return {
    target,
    timeZone,
    resampleMs: resolveResample(options.resample),
    onDuplicate,
    aggregation,
    minHistory,
    onSeriesError: options.onSeriesError ?? 'throw',
    dropouts,
    source: table.source,
    timeCol: table.timeCol,
  };
}

function resolveResample(resample: string | number | undefined): number | null {
  if (resample === undefined) return null;
  const ms = typeof resample === 'number' ? resample : parseDuration(resample);
  if (ms === undefined || !Number.isInteger(ms) || ms <= 0) {
    throw invalid(`invalid resampling step "${String(resample)}"`, 'a duration such as 5min, 1h or 1d');
  }
  return ms;
}

function isTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true; // the default; spares the first Intl call (~30 ms of ICU set-up)
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function invalid(message: string, expected?: string): CdfError {
  return new CdfError(CdfErrorCode.InvalidConfig, message, expected === undefined ? {} : { expected });
}
