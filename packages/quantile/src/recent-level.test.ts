import type { Series } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import type { BacktestRecord } from './backtest-record.ts';
import { flooredForecast, recentLevel } from './recent-level.ts';
import { fitResidualTable } from './residual-table.ts';

function hourly(values: number[], filled: number[] = []): Series {
  const v = Float64Array.from(values);
  return {
    id: 's',
    target: 'y',
    stepMs: 3_600_000,
    timestamps: Float64Array.from(values, (_, i) => i * 3_600_000),
    values: v,
    filled: Uint8Array.from(values, (_, i) => filled[i] ?? 0),
    columns: { y: v },
    timeZone: 'UTC',
  };
}

describe('recentLevel', () => {
  it('is the median of the last week of observed values', () => {
    // 200 points: the first 32 are 1000 (outside the last 168), the rest 10 with one burst of 500.
    const values = Array.from({ length: 200 }, (_, i) => (i < 32 ? 1000 : i === 150 ? 500 : 10));
    expect(recentLevel(hourly(values))).toBe(10);
    // Only the first 40 points: 32 x 1000 and 8 x 10.
    expect(recentLevel(hourly(values), 40)).toBe(1000);
  });

  it('skips filled points and gives 0 when nothing was observed', () => {
    expect(recentLevel(hourly([5, 0, 7], [0, 1, 0]))).toBe(6);
    expect(recentLevel(hourly([1, 2], [1, 1]))).toBe(0);
  });
});

describe('flooredForecast', () => {
  it('raises values under share x level and keeps NaN', () => {
    const out = flooredForecast(Float64Array.from([0, 3, 80, Number.NaN]), 100, 0.05);
    expect(Array.from(out)).toEqual([5, 5, 80, Number.NaN]);
    const same = Float64Array.from([0, 1]);
    expect(flooredForecast(same, 100, 0)).toBe(same);
  });
});

describe('near-zero forecasts in the residual table', () => {
  // 20 origins where demand is 1000 +- 5%, and the forecaster says 1000, except one origin where
  // it collapsed to 0 (the failure seen on ServeGen): 24 log residuals of log(101) = 4.6.
  const records: BacktestRecord[] = Array.from({ length: 20 }, (_, o) => ({
    origin: 200 + o,
    times: new Float64Array(24),
    actual: Float64Array.from({ length: 24 }, (_, i) => 1000 * (1 + 0.05 * Math.sin(o * 24 + i))),
    usable: new Uint8Array(24).fill(1),
    spike: new Uint8Array(24),
    level: 1000,
    forecasts: { point: new Float64Array(24).fill(o === 7 ? 0 : 1000) },
  }));
  const p99 = (floorShare: number) => {
    const table = fitResidualTable(records, (r) => r.forecasts.point!, { buckets: [24], floorShare });
    return table.all[0]![table.grid.indexOf(0.99)]!;
  };

  it('blows the upper quantile up without a floor', () => {
    expect(p99(0)).toBeGreaterThan(4);
  });

  it('keeps it at the ordinary error with a floor at 50% of the level', () => {
    // Floored to 500, the collapsed origin's residuals are log(2) = 0.69; the P99 is the top 1%.
    expect(p99(0.5)).toBeLessThan(0.75);
    expect(p99(0.5)).toBeGreaterThan(0.04);
  });
});
