import { describe, expect, it } from 'vitest';
import { suppressRepeats } from '../detect/suppress-repeats.ts';
import { anomalyRuns } from './anomaly-runs.ts';

describe('anomalyRuns', () => {
  it('merges runs separated by at most the gap', () => {
    const flags = [0, 1, 1, 0, 0, 1, 0, 0, 0, 1];
    expect(anomalyRuns(flags, 0)).toEqual([
      { start: 1, end: 2 },
      { start: 5, end: 5 },
      { start: 9, end: 9 },
    ]);
    expect(anomalyRuns(flags, 2)).toEqual([
      { start: 1, end: 5 },
      { start: 9, end: 9 },
    ]);
    expect(anomalyRuns(flags, 3)).toEqual([{ start: 1, end: 9 }]);
  });
});

describe('suppressRepeats', () => {
  it('keeps a score only when it beats the previous window', () => {
    const out = suppressRepeats(Float64Array.of(0.1, 0.9, 0.9, 0.8, 0.95, 0.2, 0.2, 0.2, 0.9), 3);
    expect(Array.from(out)).toEqual([0.1, 0.9, 0, 0, 0.95, 0, 0, 0, 0.9]);
  });
});
