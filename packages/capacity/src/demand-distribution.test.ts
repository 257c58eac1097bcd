import { describe, expect, it } from 'vitest';
import {
  demandDistribution,
  exceedanceProbability,
  expectedIdle,
  expectedShortfall,
  meanDemand,
} from './demand-distribution.ts';

const row = { p50: 100, p75: 140, p90: 200, p95: 260, p99: 400 };

/** ∫_from^to f(y) dy by the midpoint rule. */
function integrate(f: (y: number) => number, from: number, to: number, steps = 200_000): number {
  const h = (to - from) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += f(from + (i + 0.5) * h);
  return sum * h;
}

describe('demandDistribution', () => {
  const d = demandDistribution(row);

  it('puts each quantile at its level: P(D > pXX) = 1 - XX%', () => {
    expect(exceedanceProbability(d, 100)).toBeCloseTo(0.5, 12);
    expect(exceedanceProbability(d, 140)).toBeCloseTo(0.25, 12);
    expect(exceedanceProbability(d, 200)).toBeCloseTo(0.1, 12);
    expect(exceedanceProbability(d, 260)).toBeCloseTo(0.05, 12);
    expect(exceedanceProbability(d, 400)).toBeCloseTo(0.01, 12);
    expect(exceedanceProbability(d, 0)).toBeCloseTo(1, 12);
  });

  it('is linear between quantiles and has the documented lower end and exponential tail', () => {
    // lower end: 100 - 2 x (140 - 100) = 20
    expect(d.segments[0]).toEqual({ lo: 20, hi: 100, mass: 0.5 });
    expect(exceedanceProbability(d, 60)).toBeCloseTo(0.75, 12);
    expect(exceedanceProbability(d, 230)).toBeCloseTo(0.075, 12);
    // tail scale s = (400 - 260) / ln 5; P(D > 400 + s) = 0.01 / e
    const s = 140 / Math.log(5);
    expect(d.tailScale).toBeCloseTo(s, 12);
    expect(exceedanceProbability(d, 400 + s)).toBeCloseTo(0.01 / Math.E, 12);
  });

  it('computes E[max(D - c, 0)] as the integral of P(D > y) above c', () => {
    for (const c of [0, 50, 100, 170, 255, 300, 400, 520]) {
      const numeric = integrate((y) => exceedanceProbability(d, y), c, 4000);
      expect(expectedShortfall(d, c)).toBeCloseTo(numeric, 4);
    }
  });

  it('has mean = integral of P(D > y), and idle = c - mean + shortfall', () => {
    expect(meanDemand(d)).toBeCloseTo(
      integrate((y) => exceedanceProbability(d, y), 0, 4000),
      4,
    );
    for (const c of [0, 120, 300, 800]) {
      const numericIdle = integrate((y) => 1 - exceedanceProbability(d, y), 0, c, 100_000);
      expect(expectedIdle(d, c)).toBeCloseTo(numericIdle, 3);
    }
  });

  it('turns equal quantiles into a point mass', () => {
    const point = demandDistribution({ p50: 10, p75: 10, p90: 10, p95: 10, p99: 10 });
    expect(exceedanceProbability(point, 9.999)).toBe(1);
    expect(exceedanceProbability(point, 10)).toBe(0);
    expect(expectedShortfall(point, 4)).toBeCloseTo(6, 12);
    expect(expectedIdle(point, 25)).toBeCloseTo(15, 12);
    expect(meanDemand(point)).toBeCloseTo(10, 12);
  });
});
