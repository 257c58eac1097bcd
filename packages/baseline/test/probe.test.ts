import { it } from 'vitest';
import { createProphetBaseline } from '../src/prophet/prophet.ts';
import { demandSeries } from './demand-series.ts';

it('probe', async () => {
  const hours = 24 * 21;
  const promo = Float64Array.from({ length: hours }, (_, i) => (Math.floor(i / 72) % 2 === 0 ? 1 : 0));
  const base = demandSeries(hours, (i) => 50 * promo[i]!);
  const series = { ...base, columns: { ...base.columns, promo } };
  const fitted = await createProphetBaseline({ regressors: [{ name: 'promo', future: 'last' }] }).fit({
    series,
  });
  const f = fitted.predict({ horizon: 24 }).point;
  const plain = (await createProphetBaseline().fit({ series: base })).predict({ horizon: 24 }).point;
  const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
  console.log(
    fitted.notes,
    mean(f),
    mean(plain),
    mean(base.values.subarray(hours - 72)),
    mean(base.values.subarray(hours - 144, hours - 72)),
  );
  const ins = fitted.inSample().point;
  let e = 0;
  for (let i = 0; i < hours; i++) e += Math.abs(ins[i]! - base.values[i]!);
  console.log('in-sample MAE', e / hours);
});
