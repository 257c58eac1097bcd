import type { ScenarioRow } from '@cdf/core';
import fc from 'fast-check';

/** A random valid scenario row: non-crossing quantiles, any baseline and expected value. */
export const scenarioRowArbitrary = (timestamp = Date.UTC(2025, 0, 1)): fc.Arbitrary<ScenarioRow> =>
  fc
    .record({
      baseline: fc.double({ min: 0, max: 50_000, noNaN: true }),
      expected_value: fc.double({ min: 0, max: 50_000, noNaN: true }),
      spike_probability: fc.double({ min: 0, max: 1, noNaN: true }),
      quantiles: fc.array(fc.double({ min: 0, max: 80_000, noNaN: true }), { minLength: 5, maxLength: 5 }),
    })
    .map(({ baseline, expected_value, spike_probability, quantiles }) => {
      const [p50 = 0, p75 = 0, p90 = 0, p95 = 0, p99 = 0] = [...quantiles].sort((a, b) => a - b);
      return { timestamp, baseline, expected_value, spike_probability, p50, p75, p90, p95, p99 };
    });

/** A random valid hourly scenario frame of 1..`max` rows. */
export const scenarioFrameArbitrary = (max = 30): fc.Arbitrary<ScenarioRow[]> =>
  fc
    .array(scenarioRowArbitrary(), { minLength: 1, maxLength: max })
    .map((rows) => rows.map((row, i) => ({ ...row, timestamp: Date.UTC(2025, 0, 1) + i * 3_600_000 })));
