import { describe, expect, it } from 'vitest';
import type { BacktestRecord } from './backtest-record.ts';
import { shrinkLocation } from './bias-shrinkage.ts';
import { fitResidualTable } from './residual-table.ts';

describe('shrinkLocation', () => {
  it('keeps a bias the origins agree on, nearly whole', () => {
    // eight windows all under-forecast by about 20% (log 0.18): mean 0.18, sd 0.02, se 0.007
    const perOrigin = [0.16, 0.2, 0.18, 0.17, 0.19, 0.21, 0.15, 0.18];
    const kept = shrinkLocation(0.18, perOrigin, 8);
    expect(kept).toBeCloseTo(0.18 * (1 - 0.02 ** 2 / 8 / 0.18 ** 2), 3);
    expect(kept).toBeGreaterThan(0.179);
  });

  it('drops a bias that is noise between a few origins', () => {
    // four windows: +0.4, -0.3, +0.3, -0.2 (a 2-week series): sd 0.36, se 0.18 > the 0.05 location
    expect(shrinkLocation(0.05, [0.4, -0.3, 0.3, -0.2], 4)).toBe(0);
  });

  it('shrinks part of the way in between, and less when more windows are independent', () => {
    const perOrigin = [0.3, 0.1, 0.2, 0.0, 0.25, 0.15];
    // mean 0.1667, variance 0.01167; over 2 independent windows se^2 = 0.00583
    const two = shrinkLocation(0.15, perOrigin, 2);
    expect(two).toBeCloseTo(0.15 * (1 - 0.011667 / 2 / 0.0225), 4);
    const six = shrinkLocation(0.15, perOrigin, 6);
    expect(six).toBeGreaterThan(two);
    expect(six).toBeLessThan(0.15);
    // never more windows than origins
    expect(shrinkLocation(0.15, perOrigin, 60)).toBe(six);
  });

  it('has no evidence of a bias from one origin', () => {
    expect(shrinkLocation(0.3, [0.3], 1)).toBe(0);
    expect(shrinkLocation(0, [0.1, -0.1], 2)).toBe(0);
  });
});

describe('fitResidualTable with shrinkBias', () => {
  // Eight origins 24 steps apart (independent windows), demand 1000 x exp(bias_o + noise): each
  // origin's whole day sits above or below the forecast of 1000.
  const table = (biases: readonly number[], shrinkBias: boolean) => {
    const records: BacktestRecord[] = biases.map((bias, o) => ({
      origin: 500 + 24 * o,
      times: new Float64Array(24),
      actual: Float64Array.from({ length: 24 }, (_, i) => 1000 * Math.exp(bias + 0.03 * Math.sin(7 * o + i))),
      usable: new Uint8Array(24).fill(1),
      spike: new Uint8Array(24),
      forecasts: { point: new Float64Array(24).fill(1000) },
    }));
    return fitResidualTable(records, (r) => r.forecasts.point!, { buckets: [24], shrinkBias });
  };
  const at = (t: ReturnType<typeof table>, level: number) => t.all[0]![t.grid.indexOf(level)]!;

  it('pulls a median shift the origins disagree on towards 0, moving every quantile with it', () => {
    // four windows above the forecast, four below: the pooled median (0.168) is one of the modes
    const noisy = [0.3, -0.25, 0.2, -0.3, 0.35, -0.2, 0.25, -0.15];
    const plain = table(noisy, false);
    const shrunk = table(noisy, true);
    expect(at(plain, 0.5)).toBeGreaterThan(0.15);
    // each origin's median residual is its bias (the sine's median is ~0), 8 windows apart
    const kept = shrinkLocation(at(plain, 0.5), noisy, 8);
    expect(at(shrunk, 0.5)).toBeCloseTo(kept, 2);
    expect(at(shrunk, 0.5)).toBeLessThan(0.7 * at(plain, 0.5));
    // the spread is the conformal one: only the location moved
    expect(at(shrunk, 0.95) - at(shrunk, 0.5)).toBeCloseTo(at(plain, 0.95) - at(plain, 0.5), 10);
  });

  it('keeps a shift every origin shows (demand above the forecast all along)', () => {
    const steady = [0.2, 0.22, 0.18, 0.21, 0.19, 0.2, 0.23, 0.17];
    expect(at(table(steady, true), 0.5)).toBeGreaterThan(0.98 * at(table(steady, false), 0.5));
  });
});
