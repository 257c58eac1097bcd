import type { Series } from '@cdf/core';
import { generateSynthetic, syntheticSeries } from '@cdf/data';
import { describe, expect, it } from 'vitest';
import { regressorForecaster } from './fit-quantile-stage.ts';
import { fitLevelRegressor } from './level-regressor.ts';
import { resolveQuantileParams } from './quantile-params.ts';
import { seriesHead } from './series-window.ts';

// 40 days of synthetic demand (seed 9): enough rows for a small regressor.
const data = generateSynthetic({ start: '2024-03-01', end: '2024-04-10', seed: 9 });
const series: Series = syntheticSeries(data, { id: 'synthetic' });
const n = series.values.length;
const spikes = new Uint8Array(n);
const regressor = { iterations: 8, maxRows: 3000 };

async function direct(trainedOn: number, from: number): Promise<Float64Array> {
  const params = resolveQuantileParams({ regressor });
  const model = await fitLevelRegressor(seriesHead(series, trainedOn), {
    horizon: 24,
    params: params.regressor,
    spikes: spikes.subarray(0, trainedOn),
    seed: 4,
  });
  try {
    return await model!.predict(seriesHead(series, from), 24);
  } finally {
    model!.free();
  }
}

describe('regressorForecaster', () => {
  it('keeps its model until the history has grown refitEvery steps, then retrains', async () => {
    const cached = regressorForecaster(
      resolveQuantileParams({ regressor: { ...regressor, refitEvery: 100 } }),
      spikes,
      4,
    );
    await cached(seriesHead(series, n - 150), 24);
    // 30 steps later: the model trained on n - 150 points forecasts from the newer history.
    expect(Array.from(await cached(seriesHead(series, n - 120), 24))).toEqual(
      Array.from(await direct(n - 150, n - 120)),
    );
    // 150 steps after the training: retrained on the whole history given.
    expect(Array.from(await cached(seriesHead(series, n), 24))).toEqual(Array.from(await direct(n, n)));
    cached.free();
  });
});
