import { seasonalNaiveBaseline } from '@cdf/baseline';
import type { ScenarioFrame, Series } from '@cdf/core';
import { generateSynthetic, syntheticSeries } from '@cdf/data';
import { robustSpikeMask } from '@cdf/quantile';
import type { Detection } from '@cdf/spikes';
import { describe, expect, it } from 'vitest';
import { normalMaskOf } from './normal-mask.ts';
import type { ResolvedPipeline } from './resolved-pipeline.ts';
import { forecastSeries } from './series-forecast.ts';
import type { SeriesModels } from './series-models.ts';
import type { ScenarioRequest } from './stage-contracts.ts';

// Six weeks of synthetic demand (seed 3, no event applied) whose last 36 hours run at twice
// their level: a viral burst still going on at the origin, which the detector flagged
const clean = syntheticSeries(
  generateSynthetic({ start: '2025-01-06', end: '2025-02-17', seed: 3, applyEvents: false }),
  { id: 'burst' },
);
const n = clean.values.length;
const burstFrom = n - 36;
const values = Float64Array.from(clean.values, (v, i) => (i >= burstFrom ? 2 * v : v));
const history: Series = { ...clean, values, columns: { [clean.target]: values } };
const flagged = Uint8Array.from({ length: n }, (_, i) => (i >= burstFrom ? 1 : 0));

/** A quantile stage that records what it is asked to assemble. */
function recordingQuantileStage(requests: ScenarioRequest[]): SeriesModels['quantile'] {
  return {
    fitted: {
      stage: 'quantile',
      name: 'recording',
      notes: [],
      toJSON: () => {
        throw new Error('not saved in this test');
      },
      assemble(request: ScenarioRequest): ScenarioFrame {
        requests.push(request);
        return [];
      },
    } as unknown as SeriesModels['quantile']['fitted'],
  };
}

/** Forecast `history` with a recording quantile stage; returns what the stage was asked. */
async function requestOf(normalMask?: Uint8Array): Promise<ScenarioRequest> {
  const requests: ScenarioRequest[] = [];
  const models: SeriesModels = {
    id: 'burst',
    baseline: {
      fitted: await seasonalNaiveBaseline.create().fit({ series: history }),
      use: '@cdf/baseline#seasonal-naive',
      params: {},
    },
    spikes: { skipped: 'not part of this test' },
    quantile: recordingQuantileStage(requests),
  };
  const pipeline = {
    spec: { horizon: 24 },
    quantile: { use: 'recording' },
  } as unknown as ResolvedPipeline;
  const detection = { isAnomaly: flagged, spikeTypes: [] } as unknown as Detection;
  await forecastSeries(pipeline, models, history, [], { detection, ...(normalMask ? { normalMask } : {}) });
  expect(requests).toHaveLength(1);
  return requests[0]!;
}

describe('forecastSeries', () => {
  it('hands the quantile stage the mask it was fitted with, so a burst at the origin is not read as normal demand', async () => {
    const mask = (await requestOf()).spikeMask;
    expect(mask).toBeInstanceOf(Uint8Array);
    if (!(mask instanceof Uint8Array)) return;
    // the fit's mask (series-models.ts gives the stage `normalMaskOf` as `spikes`) ...
    expect([...mask]).toEqual([...normalMaskOf(history, flagged)]);
    expect(mask.subarray(burstFrom).every((m) => m === 1)).toBe(true);
    // ... not the stage's own fallback, which takes most of the burst at the end for normal
    // demand (8 of its 36 hours masked)
    const fallback = robustSpikeMask(history);
    expect(fallback.subarray(burstFrom).reduce((a, b) => a + b, 0)).toBeLessThan(18);
  });

  it("passes the fit's mask on as it is instead of computing it again", async () => {
    const fitted = normalMaskOf(history, flagged);
    expect((await requestOf(fitted)).spikeMask).toBe(fitted);
  });
});
