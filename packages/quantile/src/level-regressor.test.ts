import { CdfErrorCode, type Series } from '@cdf/core';
import { generateSynthetic, syntheticSeries } from '@cdf/data';
import { SEASON_OF_YEAR_FEATURE_NAMES } from '@cdf/features';
import { describe, expect, it } from 'vitest';
import { hourlySeries } from '../test/hourly-series.ts';
import { uniform } from '../test/seeded-random.ts';
import { fitLevelRegressor, loadLevelRegressor } from './level-regressor.ts';
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

// `days` of hourly demand from 2024-01-01: a daily cycle with +-5% uniform noise (seeded).
function dailyCycle(days: number): Series {
  const noise = uniform(12345);
  const values = Float64Array.from({ length: days * 24 }, (_, i) => {
    const cycle = 1 + 0.3 * Math.sin((2 * Math.PI * (i % 24)) / 24);
    return 100 * cycle * (1 + 0.1 * (noise() - 0.5));
  });
  return hourlySeries('daily-cycle', values);
}

/** The feature names of the booster fitted on `history` with these regressor parameters. */
async function fittedFeatures(
  history: Series,
  regressor: Record<string, unknown>,
): Promise<readonly string[]> {
  const params = resolveQuantileParams({ regressor: { iterations: 10, maxRows: 3000, ...regressor } });
  const model = await fitLevelRegressor(history, { horizon: 24, params: params.regressor, seed: 4 });
  try {
    return model!.toJSON().featureNames;
  } finally {
    model!.free();
  }
}

describe('fitLevelRegressor: the month of the year', () => {
  const history = dailyCycle(50);
  const yearAndMore = dailyCycle(380);

  it('leaves the month out of a history of a year or more (seasonOfYearFromDays, default 365)', async () => {
    const year = await fittedFeatures(yearAndMore, {});
    const kept = await fittedFeatures(yearAndMore, { seasonOfYearFromDays: 400 });
    const short = await fittedFeatures(history, {});
    for (const name of SEASON_OF_YEAR_FEATURE_NAMES) {
      expect(year).not.toContain(name);
      // under a year a month is one stretch of time, and the feature stays
      expect(kept).toContain(name);
      expect(short).toContain(name);
    }
    expect(year).toContain('future_dow_sin');
  });

  it('leaves out the features named in leftOutFeatures, whatever the history', async () => {
    const names = await fittedFeatures(history, { leftOutFeatures: ['lag_48h'] });
    expect(names).not.toContain('lag_48h_rel');
    expect(names).toContain('month_sin');
  });

  it('a regressor saved with the month still predicts from its own columns on a year of history', async () => {
    // fitted under a year, so with the month; a fit on `yearAndMore` would leave it out
    const params = resolveQuantileParams({
      regressor: { iterations: 10, maxRows: 3000, leftOutFeatures: [] },
    });
    const model = await fitLevelRegressor(history, { horizon: 24, params: params.regressor, seed: 4 });
    const expected = await model!.predict(yearAndMore, 24);
    const saved = model!.toJSON();
    expect(saved.featureNames).toContain('future_month_sin');
    model!.free();
    const loaded = loadLevelRegressor(saved);
    try {
      expect(Array.from(await loaded.predict(yearAndMore, 24))).toEqual(Array.from(expected));
    } finally {
      loaded.free();
    }
  });

  it('names an unknown left-out feature in a config error', async () => {
    const params = resolveQuantileParams({ regressor: { leftOutFeatures: ['month_sine'] } });
    await expect(
      fitLevelRegressor(history, { horizon: 24, params: params.regressor, seed: 4 }),
    ).rejects.toThrow(
      expect.objectContaining({
        code: CdfErrorCode.InvalidConfig,
        message: expect.stringMatching(/leftOutFeatures/),
      }),
    );
  });
});
