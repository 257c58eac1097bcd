import { describe, expect, it } from 'vitest';
import { resolveDetectorParams } from '../detect/detector-params.ts';
import { NAB_ENSEMBLE_PARAMS, nabSeries } from './nab-preset.ts';

describe('nabSeries', () => {
  it('takes the median spacing as the step, keeps file order and flags nothing as filled', () => {
    const t = Float64Array.from([0, 300_000, 600_000, 600_000, 1_200_000, 1_500_000]);
    const v = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const s = nabSeries('x.csv', t, v);
    expect(s.stepMs).toBe(300_000);
    expect(s.timestamps).toBe(t);
    expect(s.values).toBe(v);
    expect(Array.from(s.filled)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(nabSeries('one.csv', Float64Array.from([0]), Float64Array.from([1])).stepMs).toBe(300_000);
  });

  it('has a preset the detector accepts', () => {
    expect(() => resolveDetectorParams(NAB_ENSEMBLE_PARAMS, 300_000)).not.toThrow();
  });
});
