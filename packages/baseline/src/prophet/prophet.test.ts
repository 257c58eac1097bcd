import { CdfError, type PlannedEvent, plannedEventMultiplier } from '@cdf/core';
import { baselineContract, makeContractSeries, makeSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { demandSeries } from '../../test/demand-series.ts';
import { createMstlBaseline } from '../mstl/mstl.ts';
import { createProphetBaseline, prophetBaseline } from './prophet.ts';
import { defaultProphetOptimizer, type ProphetOptimizer } from './prophet-engine.ts';

const HOUR = 3_600_000;

describe('prophet: contract', () => {
  for (const c of baselineContract(prophetBaseline, {
    tooShort: 47,
    invalidParams: { growth: 'logistic' },
  })) {
    it(c.name, c.run);
  }
  for (const c of baselineContract(prophetBaseline, { params: { seasonalityMode: 'multiplicative' } })) {
    it(`multiplicative: ${c.name}`, c.run);
  }
});

/** Mean absolute relative gap between two forecasts. */
function gap(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!) / b[i]!;
  return sum / a.length;
}

describe('prophet: planned events', () => {
  const series = demandSeries(24 * 7 * 4);
  const last = series.timestamps[series.timestamps.length - 1]!;
  const launch: PlannedEvent = {
    start: last + 24 * HOUR,
    name: 'model launch',
    expected_multiplier: 5,
    expected_duration_hours: 24,
  };

  it('a future-only 5x launch multiplies its window by the planned profile and leaves other hours alone', async () => {
    const fitted = await createProphetBaseline().fit({ series });
    const plain = fitted.predict({ horizon: 72 });
    const boosted = fitted.predict({ horizon: 72, events: [launch] });
    let peak = 0;
    for (let h = 0; h < 72; h++) {
      const expected = plannedEventMultiplier(launch, plain.timestamps[h]!);
      const ratio = boosted.point[h]! / plain.point[h]!;
      expect(ratio).toBeCloseTo(expected, 9);
      if (expected === 1) expect(boosted.point[h]).toBe(plain.point[h]);
      peak = Math.max(peak, ratio);
    }
    expect(peak).toBeCloseTo(5, 9);
  });

  it('events given at fit time apply to the forecast too, and the notes say it is a prior', async () => {
    const fitted = await createProphetBaseline().fit({ series, plannedEvents: [launch] });
    expect(fitted.notes.join('\n')).toContain('profile applied as a prior');
    const f = fitted.predict({ horizon: 72 });
    const base = (await createProphetBaseline().fit({ series })).predict({ horizon: 72 });
    expect(f.point[36]! / base.point[36]!).toBeCloseTo(5, 9);
  });

  it('learns the effect when the history holds a launch, and applies it to a future one', async () => {
    // the same launch profile, 3x, played out in week 2 of the history
    const pastLaunch: PlannedEvent = { ...launch, start: series.timestamps[24 * 9]!, expected_multiplier: 3 };
    const withPast = makeSeries(
      series.values.map((v, i) => v * plannedEventMultiplier(pastLaunch, series.timestamps[i]!)),
    );
    const future: PlannedEvent = { ...launch, expected_multiplier: 3 };
    const fitted = await createProphetBaseline().fit({ series: withPast, plannedEvents: [pastLaunch] });
    expect(fitted.notes.join('\n')).toMatch(/effect learned from \d+ observed event points/);
    const plain = fitted.predict({ horizon: 72 });
    const boosted = fitted.predict({ horizon: 72, events: [future] });
    // plateau hours 3..14 of the launch: the learned multiplicative effect scales the trend
    const ratios = [30, 34, 38].map((h) => boosted.point[h]! / plain.point[h]!);
    for (const r of ratios) {
      expect(r).toBeGreaterThan(2);
      expect(r).toBeLessThan(4);
    }
    expect(boosted.point[5]).toBe(plain.point[5]); // outside the window
  });
});

describe('prophet: robust fitting', () => {
  // 8 weeks; weeks 3-5 carry a 6x block (an incident or a runaway client), masked as spikes
  const hours = 24 * 7 * 8;
  const inBlock = (i: number) => i >= 24 * 14 && i < 24 * 35;
  const clean = demandSeries(hours);
  const spiky = demandSeries(hours, (i, base) => (inBlock(i) ? 5 * base : 0));
  const mask = Uint8Array.from({ length: hours }, (_, i) => (inBlock(i) ? 1 : 0));

  it('a masked 3-week 6x block leaves the fit within 3% of the clean fit (unmasked: far off)', async () => {
    const reference = (await createProphetBaseline().fit({ series: clean })).predict({ horizon: 168 }).point;
    const robust = (await createProphetBaseline().fit({ series: spiky, mask })).predict({
      horizon: 168,
    }).point;
    const bent = (await createProphetBaseline().fit({ series: spiky })).predict({ horizon: 168 }).point;
    // measured: 0.5% masked vs 31.5% unmasked
    expect(gap(robust, reference)).toBeLessThan(0.03);
    expect(gap(bent, reference)).toBeGreaterThan(0.15);
  });

  it('filled points are left out like masked ones', async () => {
    const filled = Array.from({ length: hours }, (_, i) => i).filter(inBlock);
    const asFilled = makeSeries(spiky.values, { filled });
    const a = (await createProphetBaseline().fit({ series: asFilled })).predict({ horizon: 48 }).point;
    const b = (await createProphetBaseline().fit({ series: spiky, mask })).predict({ horizon: 48 }).point;
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});

describe('prophet: fallback chain', () => {
  const series = makeContractSeries();
  // a test seam: an optimizer that fails on models with multiplicative features
  const failsMultiplicative: ProphetOptimizer = {
    optimize(init, data, opts) {
      const { s_m } = JSON.parse(data) as { s_m: number[] };
      if (s_m.some((v) => v === 1)) throw new Error('Line search failed to achieve sufficient decrease');
      return defaultProphetOptimizer.optimize(init, data, opts);
    },
  };
  const alwaysFails: ProphetOptimizer = {
    optimize() {
      throw new Error('optimizer exploded');
    },
  };

  it('multiplicative failure falls back to additive, noted and counted, and survives save/load', async () => {
    const est = createProphetBaseline(
      { seasonalityMode: 'multiplicative' },
      { optimizer: failsMultiplicative },
    );
    const fitted = await est.fit({ series });
    expect(fitted.fallbacks).toBe(1);
    expect(fitted.notes).toContain(
      'prophet multiplicative failed: Line search failed to achieve sufficient decrease; fell back to prophet additive',
    );
    const additive = await createProphetBaseline().fit({ series });
    expect(Array.from(fitted.predict({ horizon: 48 }).point)).toEqual(
      Array.from(additive.predict({ horizon: 48 }).point),
    );
    const saved = JSON.parse(JSON.stringify(fitted.toJSON()));
    expect(saved.state.fallbacks).toBe(1);
    expect(saved.state.mode).toBe('additive');
    const restored = prophetBaseline.load(saved);
    expect(restored.fallbacks).toBe(1);
    expect(restored.notes).toEqual(fitted.notes);
  });

  it('when Prophet cannot fit at all, MSTL takes over and predicts what MSTL predicts', async () => {
    const fitted = await createProphetBaseline(
      { seasonalityMode: 'multiplicative' },
      { optimizer: alwaysFails },
    ).fit({ series });
    expect(fitted.fallbacks).toBe(2);
    expect(fitted.notes.join('\n')).toContain(
      'prophet additive failed: optimizer exploded; fell back to mstl',
    );
    const mstl = await createMstlBaseline().fit({ series });
    const expected = Array.from(mstl.predict({ horizon: 48 }).point);
    expect(Array.from(fitted.predict({ horizon: 48 }).point)).toEqual(expected);
    const saved = JSON.parse(JSON.stringify(fitted.toJSON()));
    expect(saved.state.engine).toBe('mstl');
    expect(Array.from(prophetBaseline.load(saved).predict({ horizon: 48 }).point)).toEqual(expected);
  });

  it('with fallback off, a failed fit throws MODEL_FAILED', async () => {
    const est = createProphetBaseline({ fallback: false }, { optimizer: alwaysFails });
    await expect(est.fit({ series })).rejects.toSatisfy(
      (e: unknown) =>
        CdfError.isInstance(e) && e.code === 'MODEL_FAILED' && /optimizer exploded/.test(e.message),
    );
  });
});

describe('prophet: options', () => {
  it('chooses seasonalities from the span of history', async () => {
    const short = await createProphetBaseline().fit({ series: demandSeries(24 * 5) });
    expect(short.notes).toContain('seasonality: daily');
    const long = await createProphetBaseline().fit({ series: demandSeries(24 * 21) });
    expect(long.notes).toContain('seasonality: daily, weekly');
    const forced = await createProphetBaseline({ seasonality: { daily: false, weekly: 5 } }).fit({
      series: demandSeries(24 * 5),
    });
    expect(forced.notes).toContain('seasonality: weekly (order 5)');
  });

  it('logistic growth saturates below its cap', async () => {
    // saturating demand: 400 / (1 + exp(-(t - 300) / 80)), with a daily ripple
    const values = Array.from(
      { length: 24 * 28 },
      (_, i) => (400 / (1 + Math.exp(-(i - 300) / 80))) * (1 + 0.05 * Math.sin((i * 2 * Math.PI) / 24)),
    );
    const series = makeSeries(values);
    const fitted = await createProphetBaseline({ growth: 'logistic', cap: 420 }).fit({ series });
    const f = fitted.predict({ horizon: 24 * 14 });
    for (const v of f.point) expect(v).toBeLessThan(420 * 1.06);
    const linear = (await createProphetBaseline().fit({ series })).predict({ horizon: 24 * 14 });
    expect(Math.max(...linear.point)).toBeGreaterThan(Math.max(...f.point));
  });

  it('uses an extra regressor and holds its last value over the horizon', async () => {
    // an irregular promo flag adds 50 to demand; it switched on 48 hours before the end of the
    // history and stays on: the truth is the same generator run 24 hours longer
    const hours = 24 * 21;
    const onBlocks = [
      [60, 130],
      [200, 240],
      [330, 380],
      [456, 600],
    ];
    const promoAt = (i: number) => (onBlocks.some(([a, b]) => i >= a! && i < b!) ? 1 : 0);
    const promo = Float64Array.from({ length: hours }, (_, i) => promoAt(i));
    const base = demandSeries(hours, (i) => 50 * promoAt(i));
    const truth = demandSeries(hours + 24, (i) => 50 * promoAt(i)).values.subarray(hours);
    const series = { ...base, columns: { ...base.columns, promo } };
    const fitted = await createProphetBaseline({ regressors: [{ name: 'promo', future: 'last' }] }).fit({
      series,
    });
    const plainFit = await createProphetBaseline().fit({ series: base });
    const f = fitted.predict({ horizon: 24 }).point;
    const inSampleGap = (a: Float64Array) => gap(a, base.values);
    // the irregular blocks are only explained by the regressor (measured in-sample: 3.8% vs 17.3%)
    expect(inSampleGap(fitted.inSample().point)).toBeLessThan(0.5 * inSampleGap(plainFit.inSample().point));
    expect(gap(f, truth)).toBeLessThan(0.06);
    const saved = JSON.parse(JSON.stringify(fitted.toJSON()));
    expect(Array.from(prophetBaseline.load(saved).predict({ horizon: 24 }).point)).toEqual(Array.from(f));
  });

  it('names a missing regressor column', async () => {
    await expect(
      createProphetBaseline({ regressors: [{ name: 'gpu_price' }] }).fit({ series: demandSeries(100) }),
    ).rejects.toSatisfy((e: unknown) => CdfError.isInstance(e) && e.code === 'MISSING_COLUMN');
  });

  it('update warm-starts from the previous fit and lands where a cold fit does', async () => {
    const all = demandSeries(24 * 7 * 4);
    const n = all.values.length;
    const head = makeSeries(all.values.subarray(0, n - 24));
    const next = makeSeries(all.values.subarray(n - 24), { start: all.timestamps[n - 24]! });
    const updated = await (await createProphetBaseline().fit({ series: head })).update({ series: next });
    expect(updated.notes).toContain('update: warm start from the previous fit');
    expect(updated.lastTimestamp).toBe(all.timestamps[n - 1]);
    const cold = await createProphetBaseline().fit({ series: all });
    expect(gap(updated.predict({ horizon: 48 }).point, cold.predict({ horizon: 48 }).point)).toBeLessThan(
      0.01,
    );
  });
});
