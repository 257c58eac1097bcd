import { type BaselinePlugin, CdfError, type FittedBaseline, type SavedModel, type Series } from '@cdf/core';
import { makeSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { backtest } from './backtest.ts';
import type { BacktestModel, ForecastFunction, ForecastRequest } from './backtest-types.ts';
import { baselineForecaster } from './baseline-forecaster.ts';

// Toy series written for these tests (hourly from 2024-01-01T00:00Z).
const values = [2, 4, 3, 5, 6, 8, 7, 9, 12, 10];
const series = makeSeries(values);

/** The naive forecast: repeat the last value seen. */
const lastValue: ForecastFunction = ({ history, horizon }) => ({
  point: new Float64Array(horizon).fill(history.values[history.values.length - 1]!),
});

async function codeOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    if (CdfError.isInstance(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('backtest: hand-computed folds', () => {
  // horizon 3, 2 origins, stride 3: origins at 7 and 4 (the last leaves exactly 3 points).
  // origin 4: history 2,4,3,5 -> forecast 5,5,5; actual 6,8,7 -> errors 1,3,2; MAE 2,
  //   RMSE sqrt(14/3); naive scale (m = 1) (2+1+2)/3 = 5/3 -> MASE 1.2.
  // origin 7: history 2,4,3,5,6,8,7 -> forecast 7,7,7; actual 9,12,10 -> errors 2,5,3; MAE 10/3,
  //   RMSE sqrt(38/3); scale (2+1+2+1+2+1)/6 = 1.5 -> MASE 20/9.
  const run = () =>
    backtest({
      series,
      horizon: 3,
      origins: 2,
      forecaster: lastValue,
      seasonalPeriod: 1,
      metrics: ['mae', 'rmse', 'mase', 'smape'],
      buckets: [
        { from: 1, to: 1 },
        { from: 2, to: 3 },
      ],
    });

  it('scores each origin', async () => {
    const result = await run();
    expect(result.perOrigin.map((o) => o.origin)).toEqual([4, 7]);
    expect(result.perOrigin[0]!.start).toBe('2024-01-01T04:00:00.000Z');
    const [a, b] = result.perOrigin;
    expect(a!.metrics.mae).toBeCloseTo(2, 12);
    expect(a!.metrics.rmse).toBeCloseTo(Math.sqrt(14 / 3), 12);
    expect(a!.metrics.mase).toBeCloseTo(1.2, 12);
    expect(a!.metrics.smape).toBeCloseTo((200 * (1 / 11 + 3 / 13 + 2 / 12)) / 3, 12);
    expect(b!.metrics.mae).toBeCloseTo(10 / 3, 12);
    expect(b!.metrics.rmse).toBeCloseTo(Math.sqrt(38 / 3), 12);
    expect(b!.metrics.mase).toBeCloseTo(20 / 9, 12);
  });

  it('averages the origins overall and per bucket', async () => {
    const result = await run();
    expect(result.overall.mae).toBeCloseTo((2 + 10 / 3) / 2, 12);
    expect(result.overall.mase).toBeCloseTo((1.2 + 20 / 9) / 2, 12);
    const [first, rest] = result.perHorizonBucket;
    // step 1: errors 1 and 2; MASE 1/(5/3) = 0.6 and 2/1.5
    expect(first).toMatchObject({ label: '1', origins: 2 });
    expect(first!.metrics.mae).toBeCloseTo(1.5, 12);
    expect(first!.metrics.mase).toBeCloseTo((0.6 + 2 / 1.5) / 2, 12);
    // steps 2-3: (3+2)/2 = 2.5 and (5+3)/2 = 4
    expect(rest).toMatchObject({ label: '2-3', origins: 2 });
    expect(rest!.metrics.mae).toBeCloseTo(3.25, 12);
    expect(result.fits).toBe(2);
  });

  it('leaves filled points out of the scores', async () => {
    // point 9 (actual 12 at origin 7, step 2) filled: errors 2 and 3 remain -> MAE 2.5
    const gappy = makeSeries(values, { filled: [8] });
    const result = await backtest({
      series: gappy,
      horizon: 3,
      origins: 2,
      forecaster: lastValue,
      seasonalPeriod: 1,
      metrics: ['mae'],
    });
    expect(result.perOrigin[1]).toMatchObject({ scored: 2, metrics: { mae: 2.5 } });
  });

  it('leaves excluded points out of the scores, not out of the history', async () => {
    // exclude index 8 (actual 12): origin 7 scores errors 2 and 3 -> MAE 2.5; origin 4 unchanged
    const exclude = new Uint8Array(values.length);
    exclude[8] = 1;
    const result = await backtest({
      series,
      horizon: 3,
      origins: 2,
      forecaster: lastValue,
      seasonalPeriod: 1,
      metrics: ['mae'],
      exclude,
    });
    expect(result.perOrigin.map((o) => o.metrics.mae)).toEqual([2, 2.5]);
  });

  it('uses the default buckets cut at the horizon', async () => {
    const long = makeSeries(Array.from({ length: 400 }, (_, t) => 10 + (t % 24) + t / 10));
    const result = await backtest({ series: long, horizon: 100, origins: 1, forecaster: lastValue });
    expect(result.perHorizonBucket.map((b) => b.label)).toEqual(['1-6', '7-24', '25-72', '73-100']);
    expect(result.metrics).toEqual(['mae', 'rmse', 'smape', 'mase']);
  });
});

describe('backtest: interval metrics', () => {
  // origin 7 only: point 7,7,7; P10 = point - 1 = 6, P90 = point + 3 = 10; actual 9,12,10.
  // coverage P10: 0/3; P90: 9 and 10 are <= 10 -> 2/3.
  // interval 80% (alpha 0.2): width 4 each; 12 above 10 by 2 -> +10*2 = 20 -> (12 + 20)/3.
  // pinball P10: e = 3,6,4 -> 0.1*13/3; P90: e = -1,2,0 -> (0.1*1 + 0.9*2 + 0)/3.
  it('scores quantiles when asked', async () => {
    const withQuantiles: ForecastFunction = (request) => {
      const point = lastValue(request) as { point: Float64Array };
      return {
        point: point.point,
        quantiles: [
          { level: 0.1, values: point.point.map((v) => v - 1) },
          { level: 0.9, values: point.point.map((v) => v + 3) },
        ],
      };
    };
    const result = await backtest({
      series,
      horizon: 3,
      origins: 1,
      forecaster: withQuantiles,
      seasonalPeriod: 1,
      metrics: ['mae'],
      quantiles: [0.1, 0.9],
    });
    expect(result.metrics).toEqual([
      'mae',
      'crps',
      'pinball@0.1',
      'pinball@0.9',
      'coverage@0.1',
      'coverage@0.9',
      'intervalScore@0.8',
    ]);
    const m = result.overall;
    expect(m['coverage@0.1']).toBe(0);
    expect(m['coverage@0.9']).toBeCloseTo(2 / 3, 12);
    expect(m['intervalScore@0.8']).toBeCloseTo(32 / 3, 12);
    expect(m['pinball@0.1']).toBeCloseTo(1.3 / 3, 12);
    expect(m['pinball@0.9']).toBeCloseTo(1.9 / 3, 12);
    expect(m.crps).toBeCloseTo(((1.3 + 1.9) / 3 / 2) * 2, 12);
  });

  it('fails clearly when a requested quantile is missing', async () => {
    const code = await codeOf(() =>
      backtest({
        series,
        horizon: 3,
        origins: 1,
        forecaster: lastValue,
        seasonalPeriod: 1,
        quantiles: [0.9],
      }),
    );
    expect(code).toBe('MODEL_FAILED');
  });
});

describe('backtest: refit cadence', () => {
  // a model whose fit remembers the history length, and whose forecast repeats the last value
  // of the history it was FITTED on: a stale fit shows in the numbers.
  function countingModel() {
    const fits: number[] = [];
    const model: BacktestModel<number> = {
      fit(history) {
        fits.push(history.values.length);
        return history.values[history.values.length - 1]!;
      },
      forecast: (last, { horizon }) => ({ point: new Float64Array(horizon).fill(last) }),
    };
    return { fits, model };
  }

  it('fits at every refitEvery-th origin and reuses the fit in between', async () => {
    const { fits, model } = countingModel();
    // 6 origins stride 1, horizon 1: origins 4..9; refit at origins 0, 4 (indices 4 and 8)
    const result = await backtest({
      series,
      horizon: 1,
      origins: { count: 6, stride: 1 },
      refitEvery: 4,
      forecaster: model,
      seasonalPeriod: 1,
      metrics: ['mae'],
    });
    expect(fits).toEqual([4, 8]);
    expect(result.fits).toBe(2);
    expect(result.perOrigin.map((o) => o.refit)).toEqual([true, false, false, false, true, false]);
    // origin 5 forecast with the fit at 4 (last value 5): actual 8 -> error 3
    expect(result.perOrigin[1]!.metrics.mae).toBe(3);
  });

  it('refits at every origin by default and always with a function', async () => {
    const { fits, model } = countingModel();
    await backtest({
      series,
      horizon: 1,
      origins: { count: 3, stride: 2 },
      forecaster: model,
      seasonalPeriod: 1,
    });
    expect(fits).toEqual([5, 7, 9]);
    let calls = 0;
    const result = await backtest({
      series,
      horizon: 1,
      origins: 3,
      refitEvery: 3,
      seasonalPeriod: 1,
      forecaster: (request) => {
        calls++;
        return lastValue(request);
      },
    });
    expect(calls).toBe(3);
    expect(result.fits).toBe(3);
  });
});

describe('backtest: no look-ahead', () => {
  it('hands the forecaster only copied points before each origin', async () => {
    const seen: ForecastRequest[] = [];
    const spy: ForecastFunction = (request) => {
      seen.push(request);
      return lastValue(request);
    };
    const result = await backtest({
      series,
      horizon: 2,
      origins: { count: 3, stride: 2 },
      forecaster: spy,
      seasonalPeriod: 1,
    });
    expect(seen.map((r) => r.history.values.length)).toEqual(result.perOrigin.map((o) => o.origin));
    for (const [k, request] of seen.entries()) {
      const origin = result.perOrigin[k]!.origin;
      const { history } = request;
      expect(Array.from(history.values)).toEqual(values.slice(0, origin));
      expect(history.timestamps[history.timestamps.length - 1]!).toBeLessThan(series.timestamps[origin]!);
      // copies: the buffers hold nothing past the origin
      expect(history.values.buffer.byteLength).toBe(origin * 8);
      expect(history.timestamps.buffer.byteLength).toBe(origin * 8);
      expect(history.columns[history.target]).toBe(history.values);
    }
  });

  it('gives the same forecasts whatever follows the origin', async () => {
    const changed = makeSeries(values.map((v, i) => (i >= 7 ? v * 100 : v)));
    const pointsOf = async (s: Series) => {
      const points: number[][] = [];
      await backtest({
        series: s,
        horizon: 3,
        origins: 1,
        seasonalPeriod: 1,
        forecaster: (request) => {
          const f = lastValue(request) as { point: Float64Array };
          points.push(Array.from(f.point));
          return f;
        },
      });
      return points;
    };
    expect(await pointsOf(changed)).toEqual(await pointsOf(series));
  });
});

describe('backtest: determinism and errors', () => {
  it('returns identical results on identical input, timings apart', async () => {
    let clock = 0;
    const options = {
      series,
      horizon: 2,
      origins: { count: 3, stride: 1 },
      forecaster: lastValue,
      seasonalPeriod: 1,
      now: () => clock++,
    };
    const a = await backtest(options);
    clock = 0;
    const b = await backtest(options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('rejects bad options and forecasts with a stable code', async () => {
    // default MASE period 24 at 1h: 25 history points needed, the series has 10
    expect(await codeOf(() => backtest({ series, horizon: 3, origins: 4, forecaster: lastValue }))).toBe(
      'INSUFFICIENT_HISTORY',
    );
    expect(await codeOf(() => backtest({ series, horizon: 0, origins: 1, forecaster: lastValue }))).toBe(
      'INVALID_CONFIG',
    );
    expect(
      await codeOf(() => backtest({ series, horizon: 2, origins: 1, refitEvery: 0, forecaster: lastValue })),
    ).toBe('INVALID_CONFIG');
    expect(
      await codeOf(() =>
        backtest({
          series,
          horizon: 2,
          origins: 1,
          seasonalPeriod: 1,
          buckets: [{ from: 2, to: 5 }],
          forecaster: lastValue,
        }),
      ),
    ).toBe('INVALID_CONFIG');
    const short: ForecastFunction = () => ({ point: [1] });
    expect(
      await codeOf(() => backtest({ series, horizon: 2, origins: 1, seasonalPeriod: 1, forecaster: short })),
    ).toBe('MODEL_FAILED');
    const nan: ForecastFunction = () => ({ point: [1, Number.NaN] });
    expect(
      await codeOf(() => backtest({ series, horizon: 2, origins: 1, seasonalPeriod: 1, forecaster: nan })),
    ).toBe('MODEL_FAILED');
    const aborted = AbortSignal.abort();
    expect(
      await codeOf(() =>
        backtest({
          series,
          horizon: 2,
          origins: 1,
          seasonalPeriod: 1,
          forecaster: lastValue,
          signal: aborted,
        }),
      ),
    ).toBe('ABORTED');
  });
});

describe('baselineForecaster', () => {
  // A minimal last-value baseline plug-in, written for this test.
  const lastValuePlugin: BaselinePlugin = {
    stage: 'baseline',
    name: 'test#last-value',
    description: 'repeats the last value',
    create: () => ({
      stage: 'baseline',
      name: 'test#last-value',
      params: {},
      async fit({ series: s, mask }) {
        const n = s.values.length;
        let last = n - 1;
        while (last > 0 && mask?.[last] === 1) last--;
        const value = s.values[last]!;
        const fitted: FittedBaseline = {
          stage: 'baseline',
          name: 'test#last-value',
          lastTimestamp: s.timestamps[n - 1]!,
          stepMs: s.stepMs,
          notes: [],
          predict: ({ horizon, level }) => {
            const point = new Float64Array(horizon).fill(value);
            const timestamps = new Float64Array(horizon);
            if (level === undefined) return { timestamps, point };
            return {
              timestamps,
              point,
              lower: point.map((v) => v - level),
              upper: point.map((v) => v + level),
              level,
            };
          },
          inSample: () => ({ timestamps: s.timestamps, point: s.values }),
          toJSON: (): SavedModel => ({
            schemaVersion: 1,
            stage: 'baseline',
            name: 'x',
            params: {},
            state: null,
          }),
        };
        return fitted;
      },
    }),
    load: () => {
      throw new Error('not used');
    },
  };

  it('forecasts a stale fit from where its history ended and maps intervals to quantiles', async () => {
    const result = await backtest({
      series,
      horizon: 1,
      origins: { count: 2, stride: 1 },
      refitEvery: 2,
      seasonalPeriod: 1,
      metrics: ['mae'],
      quantiles: [0.1, 0.5, 0.9],
      forecaster: baselineForecaster(lastValuePlugin),
    });
    // origins 8 and 9, both forecast from the fit at 8 (last value 9): actual 12 then 10
    expect(result.perOrigin.map((o) => o.metrics.mae)).toEqual([3, 1]);
    // 0.1 -> lower of the 80% interval: 9 - 0.8 = 8.2, below both actuals -> coverage 0 and
    // pinball 0.1 * (3.8 + 1.8) / 2 = 0.28
    expect(result.overall['coverage@0.1']).toBe(0);
    expect(result.overall['pinball@0.1']).toBeCloseTo(0.28, 12);
    expect(result.overall['pinball@0.5']).toBeCloseTo(0.5 * 2, 12);
  });

  it('passes each fit only its part of the mask', async () => {
    const mask = new Uint8Array(values.length);
    mask[6] = 1; // hides the 7 at index 6: the fit at origin 7 uses 8 (index 5)
    const result = await backtest({
      series,
      horizon: 3,
      origins: 1,
      seasonalPeriod: 1,
      metrics: ['mae'],
      forecaster: baselineForecaster(lastValuePlugin, { mask }),
    });
    // forecast 8,8,8 vs 9,12,10 -> (1 + 4 + 2)/3
    expect(result.overall.mae).toBeCloseTo(7 / 3, 12);
  });
});
