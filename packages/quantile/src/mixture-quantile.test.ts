import { describe, expect, it } from 'vitest';
import { normal, uniform } from '../test/seeded-random.ts';
import { mixtureQuantile } from './mixture-quantile.ts';
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

  /** Draws of the mixture: a spike with probability p, else a normal residual. */
  function mixtureSample(spike: { probability: number; magnitude: number; logSd: number }, seed: number) {
    const u = uniform(seed);
    const z = normal(seed + 1);
    return sampleOf(() =>
      u() < spike.probability ? Math.log(spike.magnitude) + spike.logSd * z() : logistic.quantile(u()),
    );
  }

  it('agrees with a Monte Carlo sample of the mixture (a rare spike)', () => {
    const spike = { probability: 0.15, magnitude: 3, logSd: 0.3 };
    const sample = mixtureSample(spike, 7);
    for (const level of [0.5, 0.75, 0.9, 0.95, 0.99]) {
      expect(Math.abs(mixtureQuantile(logistic, spike, level) - sample(level))).toBeLessThan(0.02);
    }
  });

  it('agrees with a Monte Carlo sample of the mixture (a likely spike)', () => {
    const spike = { probability: 0.5, magnitude: 2, logSd: 0.3 };
    const sample = mixtureSample(spike, 9);
    for (const level of [0.5, 0.75, 0.9, 0.95, 0.99]) {
      expect(Math.abs(mixtureQuantile(logistic, spike, level) - sample(level))).toBeLessThan(0.02);
    }
    // a likely spike lifts the median above the normal part's
    expect(mixtureQuantile(logistic, spike, 0.5)).toBeGreaterThan(logistic.quantile(0.5));
  });

  it('adds a rare spike beside the normal part: below its reach, level l is the normal part at l / (1 - p)', () => {
    const spike = { probability: 0.04, magnitude: 3, logSd: 0.3 };
    for (const level of [0.5, 0.75, 0.9]) {
      expect(mixtureQuantile(logistic, spike, level)).toBeCloseTo(logistic.quantile(level / 0.96), 3);
    }
    // P99: the normal part holds 0.96 of the mass and the spike's 0.04 lies far above its body
    expect(mixtureQuantile(logistic, spike, 0.99)).toBeGreaterThan(logistic.quantile(0.99));
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
