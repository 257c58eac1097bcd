import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, pipelineSpec, stageOverDefault } from './pipeline-spec.ts';

const CONFORMAL = '@cdf/quantile#conformal';

describe('pipelineSpec: a config stage over the default', () => {
  it('keeps the default quantile stage parameters a config with the same use does not name', () => {
    const spec = pipelineSpec(
      {
        quantile: {
          use: CONFORMAL,
          params: { shrinkBias: false, regressor: { leftOutFeatures: ['lag_48h'] } },
        },
      },
      {},
    );
    expect(spec.stages.quantile).toEqual({
      use: CONFORMAL,
      params: {
        shrinkBias: false,
        regressor: { maxBin: 64, refitEvery: 336, maxRows: 16_000, leftOutFeatures: ['lag_48h'] },
      },
    });
  });

  it('lets the config replace a default value, and leaves the defaults themselves alone', () => {
    const spec = pipelineSpec({ quantile: { use: CONFORMAL, params: { regressor: { maxBin: 256 } } } }, {});
    expect(spec.stages.quantile.params).toEqual({
      regressor: { maxBin: 256, refitEvery: 336, maxRows: 16_000 },
    });
    expect(DEFAULT_STAGES.quantile.params).toEqual({
      regressor: { maxBin: 64, refitEvery: 336, maxRows: 16_000 },
    });
  });

  it('replaces arrays and values instead of merging them', () => {
    const fallback = { use: 'a#b', params: { list: [1, 2, 3], nested: { n: 1, keep: true }, text: 'x' } };
    const merged = stageOverDefault(fallback, {
      use: 'a#b',
      params: { list: [9], nested: { n: 2 }, text: 'y' },
    });
    expect(merged.params).toEqual({ list: [9], nested: { n: 2, keep: true }, text: 'y' });
  });

  it('gives another implementation exactly the config params', () => {
    const spec = pipelineSpec({ quantile: { use: '@acme/quantiles#wide', params: { width: 2 } } }, {});
    expect(spec.stages.quantile).toEqual({ use: '@acme/quantiles#wide', params: { width: 2 } });
  });

  it('without a config, runs the defaults', () => {
    expect(pipelineSpec(undefined, {}).stages).toEqual(DEFAULT_STAGES);
  });
});
