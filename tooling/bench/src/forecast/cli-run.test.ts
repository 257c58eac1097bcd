import { describe, expect, it } from 'vitest';
import { sumStages } from './cli-run.ts';

describe('sumStages', () => {
  it("sums each stage's time over the series of a fleet run, keyed by stage and plug-in", () => {
    // The shape of run.json's `series` as `cdf forecast --id-col` writes it (two series, trimmed).
    const totals = sumStages([
      {
        status: 'ok',
        stages: [
          { stage: 'anomalies', name: '@cdf/spikes#ensemble', ms: 10 },
          { stage: 'baseline', name: '@cdf/baseline#mstl', ms: 100 },
        ],
      },
      {
        status: 'ok',
        stages: [
          { stage: 'anomalies', name: '@cdf/spikes#ensemble', ms: 12.5 },
          { stage: 'baseline', name: '@cdf/baseline#seasonal-naive', ms: 3 },
        ],
      },
      { status: 'failed' },
    ]);
    expect(totals).toEqual([
      { stage: 'anomalies', name: '@cdf/spikes#ensemble', ms: 22.5 },
      { stage: 'baseline', name: '@cdf/baseline#mstl', ms: 100 },
      { stage: 'baseline', name: '@cdf/baseline#seasonal-naive', ms: 3 },
    ]);
  });
});
