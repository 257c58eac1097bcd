import { makeSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { futureRegressor, trainingRows } from './prophet-frame.ts';
import { ProphetRegressorSchema } from './prophet-params.ts';

describe('prophet frames', () => {
  // 15 days of hourly points; a regressor equal to the hour index (so phases are visible)
  const n = 24 * 15;
  const base = makeSeries(new Array(n).fill(1));
  const load = Float64Array.from({ length: n }, (_, i) => i);
  const series = { ...base, columns: { ...base.columns, load } };

  it('extends a regressor by repeating its last week (seasonal-naive) or holding its last value', () => {
    const weekly = futureRegressor(series, ProphetRegressorSchema.parse({ name: 'load' }), 3);
    expect(Array.from(weekly)).toEqual([n - 168, n - 167, n - 166]);
    const last = futureRegressor(series, ProphetRegressorSchema.parse({ name: 'load', future: 'last' }), 3);
    expect(Array.from(last)).toEqual([n - 1, n - 1, n - 1]);
  });

  it('repeats the last day when the history is shorter than two weeks', () => {
    const short = { ...series, columns: { ...series.columns, load: load.slice(0, 48) } };
    const f = futureRegressor(short, ProphetRegressorSchema.parse({ name: 'load' }), 2);
    expect(Array.from(f)).toEqual([24, 25]);
  });

  it('learns only from observed rows with finite regressors', () => {
    const holed = load.slice();
    holed[5] = Number.NaN;
    const skip = new Uint8Array(n);
    skip[2] = 1;
    const rows = trainingRows({ ...series, columns: { ...series.columns, load: holed } }, skip, [
      ProphetRegressorSchema.parse({ name: 'load' }),
    ]);
    expect(rows.length).toBe(n - 2);
    expect(rows.includes(2) || rows.includes(5)).toBe(false);
  });
});
