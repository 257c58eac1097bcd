import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CalendarOptions,
  DirectMatrix,
  DirectMatrixOptions,
  FeatureMatrix,
  FeatureOptions,
  FeatureSpec,
  FittedFeatures,
  HolidayCalendar,
  HorizonSpec,
  OriginSpec,
  PredictionRows,
  PredictionRowsOptions,
} from './index.ts';
import * as api from './index.ts';

describe('public API', () => {
  it('exports the functions and constants by name', () => {
    const exported = { ...api } as Record<string, unknown>;
    for (const name of [
      'FEATURE_SPEC',
      'computeFeatures',
      'buildDirectMatrix',
      'buildPredictionRows',
      'calendarFeatures',
      'isHoliday',
      'holidayCalendar',
      'selectFeatures',
      'withoutFeatures',
      'featureColumn',
      'featuresPlugin',
    ]) {
      expect(exported[name], name).toBeDefined();
    }
  });

  it('exposes every type of the public signatures from the package root', () => {
    expectTypeOf(api.computeFeatures).returns.toEqualTypeOf<FeatureMatrix>();
    expectTypeOf(api.computeFeatures).parameter(1).toEqualTypeOf<FeatureOptions | undefined>();
    expectTypeOf(api.buildDirectMatrix).returns.toEqualTypeOf<DirectMatrix>();
    expectTypeOf(api.buildDirectMatrix).parameter(1).toEqualTypeOf<DirectMatrixOptions>();
    expectTypeOf(api.buildPredictionRows).returns.toEqualTypeOf<PredictionRows>();
    expectTypeOf(api.buildPredictionRows).parameter(1).toEqualTypeOf<PredictionRowsOptions>();
    expectTypeOf(api.calendarFeatures).parameter(2).toEqualTypeOf<CalendarOptions | undefined>();
    expectTypeOf(api.holidayCalendar).returns.toEqualTypeOf<HolidayCalendar>();
    expectTypeOf(api.FEATURE_SPEC).toEqualTypeOf<Readonly<FeatureSpec>>();
    expectTypeOf(api.resolveHorizons).parameter(0).toEqualTypeOf<HorizonSpec>();
    expectTypeOf(api.resolveOrigins).parameter(1).toEqualTypeOf<OriginSpec>();
    expectTypeOf(api.featuresPlugin.load).returns.toEqualTypeOf<FittedFeatures>();
  });
});
