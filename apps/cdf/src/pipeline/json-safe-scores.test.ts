import { formatJson } from '@cdf/data';
import { describe, expect, it } from 'vitest';
import { jsonSafeScores } from './json-safe-scores.ts';

describe('jsonSafeScores', () => {
  it('turns the Infinity scores of a failed candidate into null so run.json can be written', () => {
    const scores = [
      { label: 'a', smape: 4.5, mase: 0.8, origins: 3 },
      {
        label: 'b',
        smape: Number.POSITIVE_INFINITY,
        mase: Number.POSITIVE_INFINITY,
        origins: 0,
        failed: 'too short',
      },
    ];
    expect(() => formatJson(scores)).toThrow();
    const safe = jsonSafeScores(scores);
    expect(safe).toEqual([
      { label: 'a', smape: 4.5, mase: 0.8, origins: 3 },
      { label: 'b', smape: null, mase: null, origins: 0, failed: 'too short' },
    ]);
    expect(JSON.parse(formatJson(safe))).toEqual(safe);
  });
});
