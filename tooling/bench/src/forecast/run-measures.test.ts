import { describe, expect, it } from 'vitest';
import type { CliRun } from './cli-run.ts';
import { runMeasures } from './run-measures.ts';

function run(wallMs: number, load: number, stageMs: number): CliRun {
  const stage = { stage: 'baseline', name: '@cdf/baseline#ensemble', ms: stageMs };
  return {
    wallMs,
    peakRssBytes: 1,
    timings: { load },
    stages: [stage],
    stageTotals: [{ ...stage, ms: 10 * stageMs }],
    seriesOk: 1,
    seriesFailed: 0,
  };
}

describe('runMeasures', () => {
  it('lists the whole process, the phases and each stage, one value per run', () => {
    const runs = [run(100, 5, 2), run(90, 4, 1)];
    expect(runMeasures(runs, (r) => r.stages)).toEqual([
      { what: 'whole process', values: [100, 90] },
      { what: 'load', values: [5, 4] },
      { what: 'stage baseline (@cdf/baseline#ensemble)', values: [2, 1] },
    ]);
    expect(runMeasures(runs, (r) => r.stageTotals, ', summed')[2]).toEqual({
      what: 'stage baseline (@cdf/baseline#ensemble), summed',
      values: [20, 10],
    });
  });
});
