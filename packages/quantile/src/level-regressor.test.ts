import { CdfErrorCode, type Series } from '@cdf/core';
import { generateSynthetic, syntheticSeries } from '@cdf/data';
import { describe, expect, it } from 'vitest';
import { fitLevelRegressor } from './level-regressor.ts';
import { resolveQuantileParams } from './quantile-params.ts';

// 40 days of synthetic demand (seed 9), as regressor-forecaster.test.ts.
const data = generateSynthetic({ start: '2024-03-01', end: '2024-04-10', seed: 9 });
const series: Series = syntheticSeries(data, { id: 'synthetic' });

async function fitWith(maxBin: number | undefined): Promise<{ bins: number; forecast: Float64Array }> {
  const params = resolveQuantileParams({ regressor: { iterations: 20, maxRows: 3000, maxBin } });
  const model = await fitLevelRegressor(series, { horizon: 24, params: params.regressor, seed: 4 });
  try {
    return { bins: model!.toJSON().params.maxBin, forecast: await model!.predict(series, 24) };
  } finally {
    model!.free();
  }
}

describe('fitLevelRegressor', () => {
  it('trains the booster with the histogram bins asked for (default 256)', async () => {
    const standard = await fitWith(undefined);
    const coarse = await fitWith(4);
    expect(standard.bins).toBe(256);
    expect(coarse.bins).toBe(4);
    // 4 bins per feature cannot place the splits 256 bins can: the forecasts differ, both positive.
    expect(Array.from(coarse.forecast)).not.toEqual(Array.from(standard.forecast));
    for (const v of [...standard.forecast, ...coarse.forecast]) expect(v).toBeGreaterThan(0);
  });

  it('rejects a bin count below 2 as a config error naming the field', () => {
    expect(() => resolveQuantileParams({ regressor: { maxBin: 1 } })).toThrow(
      expect.objectContaining({ code: CdfErrorCode.InvalidConfig, message: expect.stringMatching(/maxBin/) }),
    );
  });
});
