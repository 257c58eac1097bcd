import { makeContractSeries } from '@cdf/core/testing';
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

describe('robustSpikeMask, causal', () => {
  // makeContractSeries: hourly demand with growth, a daily cycle, a weekend dip and 3% noise
  it('masks a 3-day 3x burst whole, even right after a 6x launch the centred mask compares it with', () => {
    const series = makeContractSeries(24 * 70);
    const launch = [24 * 30, 24 * 44]; // two weeks at 6x
    const burst = [24 * 45, 24 * 48]; // a day later, three days at 3x
    for (let i = launch[0]!; i < launch[1]!; i++) series.values[i]! *= 6;
    for (let i = burst[0]!; i < burst[1]!; i++) series.values[i]! *= 3;
    const share = (mask: Uint8Array, from: number, to: number) =>
      mask.subarray(from, to).reduce((a, b) => a + b, 0) / (to - from);
    const causal = robustSpikeMask(series, 4, 'causal');
    expect(share(causal, burst[0]!, burst[1]!)).toBe(1);
    expect(share(causal, launch[0]!, launch[1]!)).toBe(1);
    expect(share(causal, 24 * 49, 24 * 70)).toBe(0); // normal again after it
    expect(share(causal, 0, launch[0]!)).toBe(0);
    // the centred mask measures the burst against the launch a week before: it misses it
    expect(share(robustSpikeMask(series), burst[0]!, burst[1]!)).toBeLessThan(0.5);
  });

  it('at any origin, gives the history before it the verdicts it gives within the whole series', () => {
    const series = makeContractSeries(24 * 42);
    for (let i = 700; i < 760; i++) series.values[i]! *= 3;
    const whole = robustSpikeMask(series, 4, 'causal');
    const cut = 730;
    const head = {
      ...series,
      values: series.values.slice(0, cut),
      filled: series.filled.slice(0, cut),
      timestamps: series.timestamps.slice(0, cut),
    };
    // only the cut level is measured on the whole series; it is the same here
    expect(Array.from(robustSpikeMask(head, 4, 'causal'))).toEqual(Array.from(whole.subarray(0, cut)));
    expect(whole.subarray(700, 760).every((m) => m === 1)).toBe(true);
  });
});

describe('robustSpikeMask, causal, on a lasting level shift', () => {
  it('takes a doubling that stays for the new normal within three weeks', () => {
    const series = makeContractSeries(24 * 70);
    const shift = 24 * 28;
    for (let i = shift; i < series.values.length; i++) series.values[i]! *= 2;
    const mask = robustSpikeMask(series, 4, 'causal');
    const masked = mask.reduce((a, b) => a + b, 0);
    expect(masked).toBeGreaterThan(24 * 7); // the first week after it is masked
    expect(masked).toBeLessThanOrEqual(24 * 21);
    expect(mask.subarray(shift + 24 * 21).every((m) => m === 0)).toBe(true);
  });
});
