import { mstlBaseline, seasonalNaiveBaseline } from '@cdf/baseline';
import { HOUR_MS } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { baselineMinHistory } from './baseline-min-history.ts';

describe('baselineMinHistory', () => {
  it('reads the baseline capabilities, else two weeks', () => {
    expect(baselineMinHistory(seasonalNaiveBaseline, { season: 'week' }, HOUR_MS)).toBe(168);
    expect(baselineMinHistory(mstlBaseline, {}, HOUR_MS)).toBe(48);
    const bare = {
      ...seasonalNaiveBaseline,
      create: (p?: unknown) => ({ ...seasonalNaiveBaseline.create(p), capabilities: undefined }),
    };
    expect(baselineMinHistory(bare, {}, HOUR_MS)).toBe(336);
  });
});
