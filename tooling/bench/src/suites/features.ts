import { buildDirectMatrix, computeFeatures } from '@cdf/features';
import { speedCase } from '../speed-case.ts';
import type { Suite } from '../suite.ts';
import { GBDT_DESIGN } from '../workloads/direct-matrix-workload.ts';
import { twoYears, workloadRows } from '../workloads/synthetic-workload.ts';

/** @cdf/features: the per-origin feature matrix and the direct multi-horizon design. */
export const featuresSuite: Suite = {
  name: 'features',
  speed: [
    speedCase({
      id: 'features/compute-2y',
      title: 'per-origin features (lags, rolling stats, calendar), 17,520 points (1,344 in --quick)',
      units: (ctx) => ({ count: workloadRows(ctx.quick), unit: 'points' }),
      setup: (ctx) => twoYears(ctx.quick).series,
      run: (series) => computeFeatures(series),
    }),
    speedCase({
      id: 'features/direct-matrix-2y',
      title: 'direct design matrix (every 11th origin x 8 horizons), 17,520 points (1,344 in --quick)',
      units: (ctx) => ({ count: workloadRows(ctx.quick), unit: 'points' }),
      setup: (ctx) => twoYears(ctx.quick).series,
      run: (series) => buildDirectMatrix(series, GBDT_DESIGN),
    }),
  ],
};
