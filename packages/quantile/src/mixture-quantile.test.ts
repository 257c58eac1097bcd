import { describe, expect, it } from 'vitest';
import { normal, uniform } from '../test/seeded-random.ts';
import { mixtureQuantile, SPIKE_SHARE_OF_NORMAL_TOP } from './mixture-quantile.ts';
import { standardNormalCdf } from './normal-cdf.ts';
import { ResidualDistribution } from './residual-distribution.ts';
import { RESIDUAL_GRID } from './residual-table.ts';

// The normal part: a logistic distribution (scale 0.1) tabulated on the residual grid.
const grid = [...RESIDUAL_GRID];
const logistic = new ResidualDistribution(
  grid,
  grid.map((l) => 0.1 * Math.log(l / (1 - l))),
);

/** The empirical quantile function of 200,000 draws. */
function sampleOf(draw: () => number): (level: number) => number {
  const n = 200_000;
  const draws = Float64Array.from({ length: n }, draw).sort();
  return (level) => draws[Math.floor(level * n)]!;
}

describe('mixtureQuantile', () => {
  it('is the stored quantile exactly when there is no spike', () => {
    const spike = { probability: 0, magnitude: 3, logSd: 0.3 };
    for (const level of [0.5, 0.75, 0.9, 0.95, 0.99]) {
      expect(mixtureQuantile(logistic, spike, level)).toBe(0.1 * Math.log(level / (1 - level)));
    }
  });

  it('agrees with a Monte Carlo sample of the mixture (a rare spike takes the top of the normal part)', () => {
    const spike = { probability: 0.15, magnitude: 3, logSd: 0.3 };
    const u = uniform(7);
    const z = normal(8);
    // One uniform draw decides both: its top 15% are the spike hours, the rest keep their
    // normal residual (the hours that would have been highest are the ones that spike).
    const sample = sampleOf(() => {
      const v = u();
      return v > 1 - spike.probability ? Math.log(spike.magnitude) + spike.logSd * z() : logistic.quantile(v);
    });
    for (const level of [0.5, 0.75, 0.9, 0.95, 0.99]) {
      expect(Math.abs(mixtureQuantile(logistic, spike, level) - sample(level))).toBeLessThan(0.02);
    }
  });

  it('agrees with a Monte Carlo sample when the spike is likelier than the share it takes', () => {
    // p = 0.5 > 0.2: a spike with probability 0.5; otherwise a normal residual from the bottom 80%.
    const spike = { probability: 0.5, magnitude: 2, logSd: 0.3 };
    const u = uniform(9);
    const z = normal(10);
    const sample = sampleOf(() =>
      u() < spike.probability
        ? Math.log(spike.magnitude) + spike.logSd * z()
        : logistic.quantile(u() * (1 - SPIKE_SHARE_OF_NORMAL_TOP)),
    );
    for (const level of [0.5, 0.75, 0.9, 0.95, 0.99]) {
      expect(Math.abs(mixtureQuantile(logistic, spike, level) - sample(level))).toBeLessThan(0.02);
    }
    // a likely spike lifts the median above the normal part's
    expect(mixtureQuantile(logistic, spike, 0.5)).toBeGreaterThan(logistic.quantile(0.5));
  });

  it('leaves the body of the normal part where it was: a rare spike moves only the levels above 1 - p', () => {
    const spike = { probability: 0.05, magnitude: 3, logSd: 0.3 };
    for (const level of [0.5, 0.75, 0.9]) {
      expect(mixtureQuantile(logistic, spike, level)).toBeCloseTo(logistic.quantile(level), 3);
    }
    // P99: 0.95 of the mass is the normal part below its own P95, so P99 is the spike's 80th percentile
    expect(mixtureQuantile(logistic, spike, 0.99)).toBeCloseTo(Math.log(3) + 0.3 * 0.841621, 3);
  });

  it('puts the P99 of a near-certain spike at the spike quantile', () => {
    const q = mixtureQuantile(logistic, { probability: 1, magnitude: 2, logSd: 0.2 }, 0.99);
    expect(q).toBeCloseTo(Math.log(2) + 0.2 * 2.326348, 3);
  });
});

describe('ResidualDistribution', () => {
  it('inverts its quantile function', () => {
    for (const level of [0.013, 0.2, 0.5, 0.77, 0.995]) {
      expect(logistic.cdf(logistic.quantile(level))).toBeCloseTo(level, 10);
    }
  });
});

describe('standardNormalCdf', () => {
  it('matches known values', () => {
    expect(standardNormalCdf(0)).toBeCloseTo(0.5, 7);
    expect(standardNormalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(standardNormalCdf(-2.326348)).toBeCloseTo(0.01, 6);
  });
});
