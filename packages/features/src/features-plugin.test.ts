import { CdfError, SavedModelSchema } from '@cdf/core';
import { makeContractSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { computeFeatures } from './compute-features.ts';
import { featureColumn } from './feature-matrix.ts';
import { createFeatures, FEATURES_PLUGIN_NAME, featuresPlugin } from './features-plugin.ts';
import { holidayCalendar } from './holidays.ts';

describe('featuresPlugin', () => {
  it('parses parameters with defaults and rejects unknown or bad ones with INVALID_CONFIG', () => {
    const estimator = featuresPlugin.create();
    expect(createFeatures({ usHolidays: false }).params.usHolidays).toBe(false);
    expect(estimator.stage).toBe('features');
    expect(estimator.params).toEqual({ minObservedFraction: 0.5, usHolidays: true, customHolidays: [] });
    for (const bad of [{ minObservedFraction: 2 }, { lags: [1] }, { customHolidays: ['tomorrow'] }]) {
      try {
        featuresPlugin.create(bad);
        expect.unreachable();
      } catch (error) {
        expect(CdfError.isInstance(error) && error.code, JSON.stringify(bad)).toBe('INVALID_CONFIG');
      }
    }
  });

  it('fits to a stage that transforms like computeFeatures with the same options', async () => {
    const series = makeContractSeries(24 * 10);
    const params = { customHolidays: ['2024-01-03'], capacity: 150 };
    const fitted = await featuresPlugin.create(params).fit(series);
    const direct = computeFeatures(series, {
      capacity: 150,
      holidays: holidayCalendar({ custom: ['2024-01-03'] }),
    });
    const viaPlugin = fitted.transform(series);
    expect(viaPlugin.names).toEqual(direct.names);
    expect(featureColumn(viaPlugin, 'is_holiday')).toEqual(featureColumn(direct, 'is_holiday'));
    expect(featureColumn(viaPlugin, 'is_holiday')[24 * 2 + 5]).toBe(1); // 2024-01-03 05:00 UTC
    expect(featureColumn(viaPlugin, 'utilization')).toEqual(featureColumn(direct, 'utilization'));
    const d = fitted.directMatrix(series, { horizons: [1, 24], origins: { stride: 5 } });
    expect(d.matrix.names).toContain('horizon_hours');
    expect(fitted.predictionRows(series, { horizons: [1, 24] }).rows).toBe(2);
  });

  it('saves its parameters with no state and loads them back', async () => {
    const fitted = await featuresPlugin.create({ usHolidays: false }).fit(makeContractSeries(48));
    const saved = JSON.parse(JSON.stringify(fitted.toJSON()));
    expect(SavedModelSchema.parse(saved)).toEqual({
      schemaVersion: 1,
      stage: 'features',
      name: FEATURES_PLUGIN_NAME,
      params: { minObservedFraction: 0.5, usHolidays: false, customHolidays: [] },
      state: null,
    });
    const loaded = featuresPlugin.load(saved);
    expect(loaded.params).toEqual(fitted.params);
    expect(() => featuresPlugin.load({ ...saved, stage: 'baseline' })).toThrow(/saved model is baseline/);
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      featuresPlugin.create().fit(makeContractSeries(48), { signal: controller.signal }),
    ).rejects.toThrow(/aborted/);
  });
});
