import { CdfError, CdfErrorCode, type Series, SeriesSchema, validate } from '@cdf/core';
import type { CalendarOptions } from './calendar-features.ts';
import { FEATURE_SPEC, type FeatureSpec } from './feature-spec.ts';
import type { HolidayCalendar } from './holidays.ts';

/** Options of {@link computeFeatures} (and of the design-matrix builders). */
export interface FeatureOptions {
  /** Overrides of the feature set; unset fields keep {@link FEATURE_SPEC}'s values. */
  spec?: Partial<FeatureSpec>;
  /**
   * Anomaly mask aligned with the series (1 = anomalous), as a detector flagged each point using
   * data up to that point. Without it the spike-history features are absent from the matrix.
   */
  anomalies?: Uint8Array;
  /**
   * Provisioned capacity in the target's unit, one number or one per point. Without it the
   * `utilization` feature is absent.
   */
  capacity?: number | Float64Array;
  /** Holiday calendar for `is_holiday`. Default: the fixed-date US holidays. */
  holidays?: HolidayCalendar;
}

/**
 * The feature spec in force: `FEATURE_SPEC` with `overrides`, checked. Throws a CdfError
 * (INVALID_CONFIG) for a non-positive duration or a fraction outside 0..1.
 */
export function resolveSpec(overrides: Partial<FeatureSpec> = {}): FeatureSpec {
  const spec: FeatureSpec = { ...FEATURE_SPEC, ...overrides };
  const durations: [string, readonly number[]][] = [
    ['lags', spec.lags],
    ['windows', spec.windows],
    ['growth', spec.growth],
    ['anomalyWindows', spec.anomalyWindows],
    ['distanceCap', [spec.distanceCap]],
    ['pressureNormWindow', [spec.pressureNormWindow]],
  ];
  for (const [field, values] of durations) {
    for (const ms of values) {
      if (!Number.isInteger(ms) || ms <= 0) {
        throw new CdfError(
          CdfErrorCode.InvalidConfig,
          `feature spec ${field}: durations must be positive whole ms`,
          {
            column: field,
            value: String(ms),
            expected: 'a positive integer number of milliseconds',
          },
        );
      }
    }
  }
  const f = spec.minObservedFraction;
  if (!(f >= 0 && f <= 1)) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'feature spec minObservedFraction must be in 0..1', {
      column: 'minObservedFraction',
      value: String(f),
      expected: 'a number from 0 to 1',
    });
  }
  return spec;
}

/**
 * Check the series and the per-point inputs that ride along with it: the series against
 * `SeriesSchema`, and `anomalies` / a capacity array for one entry per point.
 * Throws a CdfError (SCHEMA_MISMATCH) naming what is wrong.
 */
export function checkFeatureInputs(series: Series, options: FeatureOptions): void {
  validate(SeriesSchema, series, { what: 'series' });
  const n = series.timestamps.length;
  const aligned: [string, { length: number } | undefined][] = [
    ['anomalies', options.anomalies],
    ['capacity', typeof options.capacity === 'number' ? undefined : options.capacity],
  ];
  for (const [name, array] of aligned) {
    if (array && array.length !== n) {
      throw new CdfError(
        CdfErrorCode.SchemaMismatch,
        `${name} has ${array.length} entries for ${n} series points`,
        {
          column: name,
          value: String(array.length),
          expected: `${n} entries, one per series point`,
        },
      );
    }
  }
  if (typeof options.capacity === 'number' && !(options.capacity > 0 && Number.isFinite(options.capacity))) {
    throw new CdfError(CdfErrorCode.InvalidConfig, 'capacity must be a positive finite number', {
      column: 'capacity',
      value: String(options.capacity),
      expected: 'a positive number in the target unit',
    });
  }
}

/** The calendar options that match a resolved spec and feature options. */
export function calendarOptionsFor(spec: FeatureSpec, options: FeatureOptions): CalendarOptions {
  return {
    businessHours: spec.businessHours,
    endOfQuarterDays: spec.endOfQuarterDays,
    ...(options.holidays ? { holidays: options.holidays } : {}),
  };
}
