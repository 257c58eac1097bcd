import { describe, expect, it } from 'vitest';
import { syntheticSpikeTask } from './measure/synthetic-spike-task.ts';
import { resolveSpikePredictorParams } from './spike-predictor-params.ts';
import { buildSpikeTrainingSet } from './spike-training-set.ts';

// 120 days of the synthetic generator (seed 3), ground-truth spike labels.
const task = syntheticSpikeTask(3, '2023-01-01', '2023-05-01');
const horizons = [1, 24, 168];
const build = (hoursSinceCap: number) =>
  buildSpikeTrainingSet(
    task.series,
    task.anomalies,
    [],
    horizons,
    resolveSpikePredictorParams({ originStride: 5, hoursSinceCap }),
  );
const earliest = (origins: Int32Array) => origins.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);

describe('buildSpikeTrainingSet', () => {
  it('trains the classifier only from origins with hoursSinceCap of history behind them', () => {
    const week = build(168);
    const month = build(720);
    expect(earliest(week.fit.matrix.origins)).toBeGreaterThanOrEqual(168);
    expect(earliest(week.fit.matrix.origins)).toBeLessThan(168 + 5);
    expect(earliest(month.fit.matrix.origins)).toBeGreaterThanOrEqual(720);
    // 552 h more of origins x 3 horizons at stride 5: about 330 rows fewer
    expect(week.fit.matrix.rows - month.fit.matrix.rows).toBeGreaterThan(300);
    expect(week.fit.matrix.rows - month.fit.matrix.rows).toBeLessThan(360);
  });

  it('leaves the calibration holdout and the magnitude rows alone', () => {
    const week = build(168);
    const month = build(720);
    expect(month.holdout.matrix.rows).toBe(week.holdout.matrix.rows);
    expect(month.holdoutStart).toBe(week.holdoutStart);
    expect(month.magnitude.matrix.rows).toBe(week.magnitude.matrix.rows);
    expect(earliest(week.magnitude.matrix.origins)).toBeLessThan(168);
  });
});
