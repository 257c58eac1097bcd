import { describe, expect, it } from 'vitest';
import type { BacktestRecord } from './backtest-record.ts';
import { blendForecast, learnBlendWeights } from './blend-weights.ts';

const H = 24;
const buckets = [6, 24];

/** Records where the truth is 100 and the two components err by the given factors. */
function records(baselineFactor: number, regressorFactor: number, origins = 10): BacktestRecord[] {
  return Array.from({ length: origins }, (_, o) => ({
    origin: 100 + o,
    times: new Float64Array(H),
    actual: new Float64Array(H).fill(100),
    usable: new Uint8Array(H).fill(1),
    spike: new Uint8Array(H),
    forecasts: {
      baseline: new Float64Array(H).fill(100 * baselineFactor),
      regressor: new Float64Array(H).fill(100 * regressorFactor),
    },
  }));
}

describe('learnBlendWeights', () => {
  it('puts all weight on the component that is right', () => {
    expect(learnBlendWeights(records(1, 1.2), { buckets })).toEqual([1, 1]);
    expect(learnBlendWeights(records(0.7, 1), { buckets })).toEqual([0, 0]);
  });

  it('finds the blend that cancels opposite errors', () => {
    // 0.8 w + 1.2 (1 - w) = 1 at w = 0.5.
    expect(learnBlendWeights(records(0.8, 1.2), { buckets })).toEqual([0.5, 0.5]);
  });

  it('falls back to the given weight with too little data', () => {
    expect(learnBlendWeights(records(1, 2, 1), { buckets, minPoints: 100, fallbackWeight: 0.7 })).toEqual([
      0.7, 0.7,
    ]);
  });
});

describe('blendForecast', () => {
  it('blends per bucket and uses the baseline alone where the regressor has no value', () => {
    const regressor = new Float64Array(H).fill(200);
    regressor[3] = Number.NaN;
    const out = blendForecast(new Float64Array(H).fill(100), regressor, [0.7, 0.25], buckets);
    expect(out[0]).toBeCloseTo(130, 12);
    expect(out[3]).toBe(100);
    expect(out[10]).toBeCloseTo(175, 12);
  });
});
