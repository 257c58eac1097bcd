import { type BaselinePlugin, CdfError } from '@cdf/core';
import { makeContractSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import {
  type BaselineCandidate,
  type CdfBaselinePlugin,
  createMstlBaseline,
  createProphetBaseline,
  createSeasonalNaiveBaseline,
  mstlBaseline,
  type ProphetParams,
  prophetBaseline,
  seasonalNaiveBaseline,
  type UpdatableBaseline,
} from '../src/index.ts';

describe('@cdf/baseline public API', () => {
  const plugins: CdfBaselinePlugin[] = [prophetBaseline, mstlBaseline, seasonalNaiveBaseline];

  it('exports three plug-ins that are BaselinePlugins with capabilities', () => {
    const asCore: BaselinePlugin[] = plugins; // compile-time conformance to the core contract
    expect(asCore.map((p) => p.name)).toEqual([
      '@cdf/baseline#prophet',
      '@cdf/baseline#mstl',
      '@cdf/baseline#seasonal-naive',
    ]);
    for (const p of plugins) expect(p.capabilities.minHistory(3_600_000)).toBeGreaterThan(0);
    expect(plugins.map((p) => p.capabilities.minHistory(3_600_000))).toEqual([48, 48, 24]);
  });

  it('factories fill defaults and reject unknown keys', () => {
    const params = createProphetBaseline().params as ProphetParams;
    expect(params.seasonalityMode).toBe('additive');
    expect(params.changepointPriorScale).toBe(0.05);
    expect(() => createMstlBaseline({ period: 24 })).toThrow(/unrecognized|Unrecognized/);
    expect(() => createSeasonalNaiveBaseline({ season: 'year' })).toThrow(CdfError);
  });

  it('every fit honours an aborted signal with ABORTED', async () => {
    const controller = new AbortController();
    controller.abort();
    const series = makeContractSeries(24 * 7);
    for (const p of plugins) {
      await expect(p.create().fit({ series }, { signal: controller.signal })).rejects.toSatisfy(
        (e: unknown) => CdfError.isInstance(e) && e.code === 'ABORTED',
      );
    }
  });

  it('type-level: candidates and updatable models come from the package root', async () => {
    const candidate: BaselineCandidate = { plugin: seasonalNaiveBaseline, params: { season: 'day' } };
    const fitted: UpdatableBaseline = await seasonalNaiveBaseline.create(candidate.params).fit({
      series: makeContractSeries(48),
    });
    expect(fitted.fallbacks).toBe(0);
  });

  it("load refuses another plug-in's model, and fit a misaligned mask", async () => {
    const series = makeContractSeries(24 * 7);
    const saved = (await seasonalNaiveBaseline.create().fit({ series })).toJSON();
    expect(() => mstlBaseline.load(saved)).toThrow(
      /is @cdf\/baseline#seasonal-naive, not @cdf\/baseline#mstl/,
    );
    await expect(mstlBaseline.create().fit({ series, mask: new Uint8Array(3) })).rejects.toSatisfy(
      (e: unknown) => CdfError.isInstance(e) && e.code === 'INVALID_VALUE' && e.location.column === 'mask',
    );
  });
});
