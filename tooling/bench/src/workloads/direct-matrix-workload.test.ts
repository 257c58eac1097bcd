import { describe, expect, it } from 'vitest';
import { directSplit, rowsToCsv } from './direct-matrix-workload.ts';
import { twoYears } from './synthetic-workload.ts';

describe('directSplit', () => {
  it('splits the direct matrix in time: training targets before the last 20%, holdout origins inside it', () => {
    const { series } = twoYears(true);
    const { train, holdout, cutTime } = directSplit(series);
    expect(train.rows).toBeGreaterThan(500);
    expect(holdout.rows).toBeGreaterThan(50);
    expect(train.names).toEqual(holdout.names);
    expect(cutTime).toBe(series.timestamps[Math.floor(series.values.length * 0.8)]);
    // no training target reaches into the held-out span; every holdout row starts inside it
    expect(Math.max(...train.targetTime)).toBeLessThan(cutTime);
    expect(Math.min(...holdout.originTime)).toBeGreaterThanOrEqual(cutTime);
    // every label is the scale-free ratio: finite and positive
    for (const y of [...train.label, ...holdout.label]) expect(y).toBeGreaterThan(0);
  });

  it('writes the rows as CSV with the label last and NaN as an empty cell', () => {
    const times = Float64Array.of(0, 0);
    const csv = rowsToCsv({
      names: ['a', 'b'],
      columns: [Float64Array.of(1, Number.NaN), Float64Array.of(3, 4)],
      rows: 2,
      label: Float64Array.of(0, 1),
      originTime: times,
      targetTime: times,
    });
    expect(csv).toBe('a,b,label\n1,3,0\n,4,1\n');
  });
});
