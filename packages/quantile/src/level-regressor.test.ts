import { CdfErrorCode, type Series } from '@cdf/core';
import { generateSynthetic, syntheticSeries } from '@cdf/data';
import { describe, expect, it } from 'vitest';
import { fitLevelRegressor, loadLevelRegressor } from './level-regressor.ts';
import { resolveQuantileParams, SEASON_OF_YEAR_FEATURES } from './quantile-params.ts';

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

// Hourly demand with a daily cycle, multiplicative noise (a fixed LCG) and a given level per day.
function dailyLevels(days: number, level: (day: number, date: Date) => number): Series {
  const n = days * 24;
  const start = Date.UTC(2024, 0, 1);
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  let state = 12345;
  const uniform = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let i = 0; i < n; i++) {
    timestamps[i] = start + i * 3_600_000;
    const day = Math.floor(i / 24);
    const cycle = 1 + 0.3 * Math.sin((2 * Math.PI * (i % 24)) / 24);
    values[i] = 100 * cycle * level(day, new Date(start + day * 86_400_000)) * (1 + 0.1 * (uniform() - 0.5));
  }
  return {
    id: 'daily-levels',
    target: 'demand',
    stepMs: 3_600_000,
    timestamps,
    values,
    filled: new Uint8Array(n),
    columns: { demand: values },
    timeZone: 'UTC',
  };
}

/** The first `points` of `series`. */
function head(series: Series, points: number): Series {
  const values = series.values.slice(0, points);
  return {
    ...series,
    timestamps: series.timestamps.slice(0, points),
    values,
    filled: series.filled.slice(0, points),
    columns: { [series.target]: values },
  };
}

/**
 * The regressor's mean forecast over the horizon steps where `high(step)` holds, divided by its
 * mean over those where `low(step)` does; and the booster's feature names.
 */
async function forecastRatio(
  history: Series,
  regressor: Record<string, unknown>,
  high: (step: number) => boolean,
  low: (step: number) => boolean,
): Promise<{ ratio: number; names: readonly string[] }> {
  const params = resolveQuantileParams({ regressor: { maxRows: 12_000, ...regressor } });
  const model = await fitLevelRegressor(history, { horizon: 168, params: params.regressor, seed: 4 });
  try {
    const forecast = Array.from(await model!.predict(history, 168));
    const mean = (pick: (step: number) => boolean) => {
      const picked = forecast.filter((_, k) => pick(k + 1));
      return picked.reduce((a, b) => a + b, 0) / picked.length;
    };
    return { ratio: mean(high) / mean(low), names: model!.toJSON().featureNames };
  } finally {
    model!.free();
  }
}

describe('fitLevelRegressor: the month of the year', () => {
  const history = head(
    dailyLevels(60, () => 1),
    50 * 24,
  );
  const yearAndMore = dailyLevels(380, () => 1);
  const all = () => true;

  it('leaves the month out of a history of a year or more (seasonOfYearFromDays, default 365)', async () => {
    const year = await forecastRatio(yearAndMore, { iterations: 10 }, all, all);
    const kept = await forecastRatio(yearAndMore, { iterations: 10, seasonOfYearFromDays: 400 }, all, all);
    const short = await forecastRatio(history, { iterations: 10 }, all, all);
    for (const name of SEASON_OF_YEAR_FEATURES) {
      expect(year.names).not.toContain(name);
      // under a year a month is one stretch of time, and the feature stays
      expect(kept.names).toContain(name);
      expect(short.names).toContain(name);
    }
    expect(year.names).toContain('future_dow_sin');
  });

  it('leaves out the features named in leftOutFeatures, whatever the history', async () => {
    const fit = await forecastRatio(history, { iterations: 10, leftOutFeatures: ['lag_48h'] }, all, all);
    expect(fit.names).not.toContain('lag_48h_rel');
    expect(fit.names).toContain('month_sin');
  });

  it('a regressor saved with the month still predicts from its own columns', async () => {
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
