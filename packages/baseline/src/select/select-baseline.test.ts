import type { BaselinePlugin } from '@cdf/core';
import { makeContractSeries, makeSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { mstlBaseline } from '../mstl/mstl.ts';
import { seasonalNaiveBaseline } from '../seasonal-naive/seasonal-naive.ts';
import { mase, maseScale, smape } from './forecast-accuracy.ts';
import { selectBaseline } from './select-baseline.ts';

describe('forecast accuracy', () => {
  it('computes sMAPE (M4 definition) and MASE by hand-checked numbers', () => {
    // |110-100|/(210) and |90-100|/(190): 200/2 * (0.047619 + 0.052632) = 10.025
    expect(smape([100, 100], [110, 90])).toBeCloseTo(10.0251, 3);
    expect(smape([100, 100, 5], [110, 90, 0], [0, 0, 1])).toBeCloseTo(10.0251, 3);
    // training [1,2,3,5] at lag 1: mean |diff| = (1+1+2)/3 = 4/3; MAE 2 → MASE 1.5
    const scale = maseScale([1, 2, 3, 5], 1);
    expect(scale).toBeCloseTo(4 / 3, 12);
    expect(mase([10, 10], [12, 8], scale)).toBeCloseTo(1.5, 12);
  });
});

describe('selectBaseline', () => {
  it('prefers MSTL over seasonal naive on a growing, weekly-seasonal series', async () => {
    const series = makeContractSeries(24 * 7 * 5);
    const result = await selectBaseline(
      series,
      [{ plugin: seasonalNaiveBaseline }, { plugin: mstlBaseline }],
      { horizon: 48, origins: 2 },
    );
    expect(result.label).toBe('@cdf/baseline#mstl');
    const [naive, mstl] = result.scores;
    expect(mstl!.mase).toBeLessThan(naive!.mase);
    expect(naive!.origins).toBe(2);
  });

  it('picks seasonal naive when the series is an exact daily repeat', async () => {
    const series = makeSeries(
      Array.from({ length: 24 * 14 }, (_, i) => 50 + 20 * Math.sin((i * Math.PI) / 12)),
    );
    const result = await selectBaseline(
      series,
      [
        { plugin: seasonalNaiveBaseline, label: 'naive' },
        { plugin: mstlBaseline, label: 'mstl' },
      ],
      { horizon: 24, origins: 2, metric: 'smape' },
    );
    expect(result.scores[0]!.smape).toBeLessThan(1e-9);
    expect(result.label).toBe('naive');
  });

  it('scores a failing candidate as Infinity and keeps its error', async () => {
    const broken: BaselinePlugin = {
      ...seasonalNaiveBaseline,
      name: 'broken',
      create: () => ({
        stage: 'baseline',
        name: 'broken',
        params: {},
        fit: async () => {
          throw new Error('no luck');
        },
      }),
    };
    const result = await selectBaseline(
      makeContractSeries(24 * 14),
      [{ plugin: broken }, { plugin: seasonalNaiveBaseline }],
      { horizon: 24 },
    );
    expect(result.scores[0]).toMatchObject({
      label: 'broken',
      mase: Number.POSITIVE_INFINITY,
      failed: 'no luck',
    });
    expect(result.label).toBe('@cdf/baseline#seasonal-naive');
  });

  it('refuses a series too short for the backtest', async () => {
    await expect(
      selectBaseline(makeContractSeries(100), [{ plugin: seasonalNaiveBaseline }], { horizon: 48 }),
    ).rejects.toThrow(/needs at least 169 points/);
  });
});
