import { describe, expect, it } from 'vitest';
import type { BacktestRecord } from './backtest-record.ts';
import { shrinkLocation, studentOneSigma } from './bias-shrinkage.ts';
import { fitResidualTable } from './residual-table.ts';

describe('shrinkLocation', () => {
  it('keeps a bias the origins agree on, nearly whole', () => {
    // eight windows all under-forecast by about 20% (log 0.18): mean 0.18, sd 0.02, se 0.007
    const perOrigin = [0.16, 0.2, 0.18, 0.17, 0.19, 0.21, 0.15, 0.18];
    const kept = shrinkLocation(0.18, perOrigin, 8);
    expect(kept).toBeCloseTo(0.18 * (1 - (1.077 ** 2 * 0.02 ** 2) / 8 / 0.18 ** 2), 3);
    expect(kept).toBeGreaterThan(0.179);
  });

  it('drops a bias that is noise between a few origins', () => {
    // four windows: +0.4, -0.3, +0.3, -0.2 (a 2-week series): sd 0.36, se 0.18 > the 0.05 location
    expect(shrinkLocation(0.05, [0.4, -0.3, 0.3, -0.2], 4)).toBe(0);
  });

  it('shrinks part of the way in between, and less when more windows are independent', () => {
    const perOrigin = [0.3, 0.1, 0.2, 0.0, 0.25, 0.15];
    // mean 0.1667, variance 0.01167; over 2 independent windows se^2 = 0.00583, and that se
    // rests on 1 degree of freedom: widened by t(1 dof) at Phi(1), 1.807 (0.023 kept; 0.11 without)
    const two = shrinkLocation(0.15, perOrigin, 2);
    expect(two).toBeCloseTo(0.15 * (1 - (1.8068 ** 2 * 0.011667) / 2 / 0.0225), 4);
    expect(two).toBeGreaterThan(0.02);
    expect(two).toBeLessThan(0.03);
    const six = shrinkLocation(0.15, perOrigin, 6);
    expect(six).toBeGreaterThan(two);
    expect(six).toBeLessThan(0.15);
    // never more windows than origins
    expect(shrinkLocation(0.15, perOrigin, 60)).toBe(six);
  });

  it('asks more of two origins that happen to agree than a known spread would', () => {
    // two windows at 0.07 and 0.13 (a 2-week series): variance 0.0018, se^2 0.0009 over 2
    // windows; the spread is itself a guess from one degree of freedom, so se counts 1.807x:
    // 0.071 of the 0.1 kept, where the plain rule kept 0.091
    const kept = shrinkLocation(0.1, [0.07, 0.13], 2);
    expect(kept).toBeCloseTo(0.1 * (1 - (1.8068 ** 2 * 0.0009) / 0.01), 4);
    expect(kept).toBeGreaterThan(0.065);
    expect(kept).toBeLessThan(0.075);
  });

  it('has no evidence of a bias from one origin', () => {
    expect(shrinkLocation(0.3, [0.3], 1)).toBe(0);
    expect(shrinkLocation(0, [0.1, -0.1], 2)).toBe(0);
  });
});

describe('studentOneSigma', () => {
  it("is Student's t quantile at Phi(1) (scipy.stats.t.ppf(0.8413, dof)) to 0.03 at 1 dof, 0.002 from 2", () => {
    const exact: Array<[number, number]> = [
      [1, 1.8373],
      [2, 1.3213],
      [3, 1.1969],
      [5, 1.1105],
      [10, 1.0526],
      [30, 1.0169],
    ];
    for (const [dof, t] of exact)
      expect(Math.abs(studentOneSigma(dof) - t)).toBeLessThan(dof === 1 ? 0.031 : 0.002);
    expect(studentOneSigma(0.4)).toBe(studentOneSigma(1));
    expect(studentOneSigma(1e6)).toBeCloseTo(1, 5);
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
