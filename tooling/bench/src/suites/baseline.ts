import {
  type CdfBaselineEstimator,
  createMstlBaseline,
  createProphetBaseline,
  createSeasonalNaiveBaseline,
  prophetBaseline,
} from '@cdf/baseline';
import { speedCase } from '../speed-case.ts';
import type { Suite } from '../suite.ts';
import { fleet, fleetShape, twoYears, workloadRows } from '../workloads/synthetic-workload.ts';

const HORIZON = 168;

function fitPredictCase(id: string, title: string, make: () => CdfBaselineEstimator) {
  return speedCase({
    id,
    title,
    units: (ctx) => ({ count: workloadRows(ctx.quick), unit: 'points' }),
    maxRuns: 4,
    setup: (ctx) => twoYears(ctx.quick).series,
    run: async (series) => {
      const fitted = await make().fit({ series }, { seed: 1 });
      return fitted.predict({ horizon: HORIZON });
    },
  });
}

/** @cdf/baseline: fit + 168 h predict on two years hourly, predict from a saved model, and the fleet. */
export const baselineSuite: Suite = {
  name: 'baseline',
  speed: [
    fitPredictCase(
      'baseline/prophet-2y',
      'Prophet (additive) fit + predict 168 h, 17,520 points (1,344 in --quick)',
      () => createProphetBaseline({}),
    ),
    fitPredictCase(
      'baseline/mstl-2y',
      'MSTL + ETS fit + predict 168 h, 17,520 points (1,344 in --quick)',
      () => createMstlBaseline({}),
    ),
    fitPredictCase(
      'baseline/seasonal-naive-2y',
      'seasonal naive fit + predict 168 h, 17,520 points (1,344 in --quick)',
      () => createSeasonalNaiveBaseline({}),
    ),
    speedCase({
      id: 'baseline/prophet-predict-saved',
      title: 'Prophet: load a saved model (JSON text) + predict 168 h',
      units: () => ({ count: HORIZON, unit: 'steps' }),
      setup: async (ctx) => {
        const fitted = await createProphetBaseline({}).fit(
          { series: twoYears(ctx.quick).series },
          { seed: 1 },
        );
        return JSON.stringify(fitted.toJSON());
      },
      run: (text) => prophetBaseline.load(JSON.parse(text)).predict({ horizon: HORIZON }),
    }),
    speedCase({
      id: 'baseline/fleet-mstl',
      title: 'fleet: MSTL + ETS fit + predict 168 h per series (200 x 2,000 h; 4 x 1,000 in --quick)',
      units: (ctx) => ({ count: fleetShape(ctx.quick).series, unit: 'series' }),
      maxRuns: 2,
      setup: (ctx) => fleet(ctx.quick),
      run: async (all) => {
        for (const series of all)
          (await createMstlBaseline({}).fit({ series }, { seed: 1 })).predict({ horizon: HORIZON });
      },
    }),
  ],
};
