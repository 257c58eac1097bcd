import type { Series } from '@cdf/core';
import { makeSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { normalMaskOf } from './normal-mask.ts';

/** Six weeks hourly: a daily cycle around 100, and a 5x plateau over days 21-34. */
function launched(): Series {
  const values = Float64Array.from({ length: 24 * 42 }, (_, i) => {
    const day = Math.floor(i / 24);
    const base = 100 * (1 + 0.2 * Math.sin((2 * Math.PI * (i % 24)) / 24)) * (1 + 0.01 * Math.sin(i * 1.7));
    return day >= 21 && day < 35 ? 5 * base : base;
  });
  return makeSeries(values, { start: Date.UTC(2025, 0, 6) });
}

describe('normalMaskOf', () => {
  it('keeps a launch plateau masked after the detector stopped flagging it, and nothing else', () => {
    const series = launched();
    // the detector flagged only the launch's first day
    const flagged = new Uint8Array(series.values.length);
    flagged.fill(1, 21 * 24, 22 * 24);
    const mask = normalMaskOf(series, flagged);
    const masked = (from: number, to: number) => mask.subarray(from * 24, to * 24).reduce((a, b) => a + b, 0);
    expect(masked(21, 35)).toBe(14 * 24);
    expect(masked(0, 21)).toBe(0);
    expect(masked(36, 42)).toBe(0);
    // the detector's own verdicts are not changed
    expect(flagged.subarray(22 * 24).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
