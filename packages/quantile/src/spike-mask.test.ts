import { describe, expect, it } from 'vitest';
import { arSeries } from '../test/ar-series.ts';
import { robustSpikeMask } from './spike-mask.ts';

describe('robustSpikeMask', () => {
  it('flags an injected 3x block and little else', () => {
    const series = arSeries(24 * 42, 8);
    for (let i = 500; i < 512; i++) series.values[i]! *= 3;
    const mask = robustSpikeMask(series);
    let inside = 0;
    let outside = 0;
    mask.forEach((m, i) => {
      if (m === 1 && i >= 500 && i < 512) inside++;
      else if (m === 1) outside++;
    });
    expect(inside).toBe(12);
    expect(outside).toBeLessThan(10);
  });
});
