import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollingMax } from './rolling-max.ts';
import { rollingMeanStd } from './rolling-mean-std.ts';
import { quantileOfSorted, rollingQuantile } from './rolling-quantile.ts';

/** The window of point i, observed values only, computed the slow obvious way. */
function windowOf(x: Float64Array, i: number, w: number): number[] {
  const out: number[] = [];
  for (let j = Math.max(0, i - w + 1); j <= i; j++) if (!Number.isNaN(x[j]!)) out.push(x[j]!);
  return out;
}

function naive(x: Float64Array, w: number, minCount: number) {
  const n = x.length;
  const mean: number[] = [];
  const std: number[] = [];
  const max: number[] = [];
  const p95: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = windowOf(x, i, w);
    const ok = v.length >= Math.max(1, minCount);
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    mean.push(ok ? m : Number.NaN);
    std.push(
      ok && v.length >= 2 ? Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)) : Number.NaN,
    );
    max.push(ok ? Math.max(...v) : Number.NaN);
    const sorted = [...v].sort((a, b) => a - b);
    p95.push(ok ? quantileOfSorted(sorted, sorted.length, 0.95) : Number.NaN);
  }
  return { mean, std, max, p95 };
}

function expectClose(actual: Float64Array, expected: number[], scale: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    if (Number.isNaN(e)) expect(a, `index ${i}`).toBeNaN();
    else expect(Math.abs(a - e), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
  }
}

describe('rolling kernels', () => {
  it('match hand-computed values on a small series with a missing point', () => {
    // 1, 2, 3, (missing), 5, 10 with a 3-step window, at least 2 observed points
    const x = Float64Array.from([1, 2, 3, Number.NaN, 5, 10]);
    const { mean, std } = rollingMeanStd(x, 3, 2);
    expect(Array.from(mean)).toEqual([Number.NaN, 1.5, 2, 2.5, 4, 7.5]);
    // std of {1,2} = 0.7071..., {1,2,3} = 1, {2,3} = 0.7071..., {3,5} = 1.4142..., {5,10} = 3.5355...
    expect(std[0]).toBeNaN();
    expect(std[1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(std[2]).toBeCloseTo(1, 12);
    expect(std[3]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(std[4]).toBeCloseTo(Math.SQRT2, 12);
    expect(std[5]).toBeCloseTo(5 / Math.SQRT2, 12);
    expect(Array.from(rollingMax(x, 3, 2))).toEqual([Number.NaN, 2, 3, 3, 5, 10]);
    // P95 of {3,5}: 3 + 0.95 * 2 = 4.9; of {1,2,3}: pos 1.9 -> 2.9
    const p95 = rollingQuantile(x, 3, 0.95, 2);
    expect(p95[2]).toBeCloseTo(2.9, 12);
    expect(p95[4]).toBeCloseTo(4.9, 12);
    expect(p95[5]).toBeCloseTo(9.75, 12);
  });

  it('keep a constant window at exactly zero spread', () => {
    const x = new Float64Array(50).fill(7.25);
    const { mean, std } = rollingMeanStd(x, 10, 1);
    expect(mean[49]).toBe(7.25);
    expect(std[49]).toBe(0);
  });

  it('agree with a naive implementation on random series with gaps and ties', () => {
    const value = fc.oneof(
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 20 }) },
      { weight: 6, arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true }) },
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (values, w, minCount) => {
          const x = Float64Array.from(values);
          const want = naive(x, w, minCount);
          const scale = Math.max(1, ...values.filter((v) => !Number.isNaN(v)));
          const { mean, std } = rollingMeanStd(x, w, minCount);
          expectClose(mean, want.mean, scale);
          expectClose(std, want.std, scale);
          expect(Array.from(rollingMax(x, w, minCount))).toEqual(want.max);
          expect(Array.from(rollingQuantile(x, w, 0.95, minCount))).toEqual(want.p95);
        },
      ),
      { numRuns: 300, seed: 20240101 },
    );
  });

  it('stay accurate over a long trending series (no drift from running updates)', () => {
    const n = 20_000;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = 1000 + 0.5 * i + 30 * Math.sin(i / 3);
    const want = naive(x.subarray(n - 400), 168, 84);
    const { mean, std } = rollingMeanStd(x, 168, 84);
    // Compare the last 232 points, whose windows lie wholly inside the naive slice.
    expectClose(mean.subarray(n - 232), want.mean.slice(168), 1e4);
    expectClose(std.subarray(n - 232), want.std.slice(168), 1e4);
  });
});
