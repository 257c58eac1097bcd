import { describe, expect, it } from 'vitest';
import { decomposeHistory } from './history-decomposition.ts';

const HOUR = 3_600_000;
const start = Date.UTC(2025, 0, 6); // a Monday 00:00 UTC

function history(hours: number, spikeAt = -1) {
  const timestamps: number[] = [];
  const values: number[] = [];
  const expected: number[] = [];
  const isAnomaly: boolean[] = [];
  for (let i = 0; i < hours; i++) {
    const hour = i % 24;
    const weekend = Math.floor(i / 24) % 7 >= 5;
    const clean = 100 + 0.01 * i + 20 * Math.sin((2 * Math.PI * hour) / 24) + (weekend ? -15 : 6);
    timestamps.push(start + i * HOUR);
    expected.push(clean);
    const spike = i >= spikeAt && i < spikeAt + 48 && spikeAt >= 0;
    values.push(spike ? clean * 5 : clean);
    isAnomaly.push(spike);
  }
  return { timestamps, values, expected, isAnomaly };
}

describe('decomposeHistory', () => {
  it('recovers a daily sine, a weekend dip and a slow trend', () => {
    const h = history(24 * 7 * 8);
    const d = decomposeHistory(h);
    // 06:00 UTC is the sine's peak (+20), 18:00 its trough (-20)
    const mid = 24 * 7 * 4;
    expect(d.daily[mid + 6]).toBeCloseTo(20, 0);
    expect(d.daily[mid + 18]).toBeCloseTo(-20, 0);
    // weekly: a weekday hour sits about 21 above a weekend hour (+6 vs -15)
    const weekday = d.weekly[mid + 2 * 24 + 12]!;
    const weekend = d.weekly[mid + 5 * 24 + 12]!;
    expect(weekday - weekend).toBeGreaterThan(18);
    expect(weekday - weekend).toBeLessThan(24);
    // the parts add back up to the series away from the ends, within a small remainder
    for (const i of [mid, mid + 7, mid + 100]) {
      expect(Math.abs(d.trend[i]! + d.daily[i]! + d.weekly[i]! - h.values[i]!)).toBeLessThan(2);
    }
  });

  it('keeps a masked 5x launch out of the trend', () => {
    const clean = decomposeHistory(history(24 * 7 * 8));
    const spiked = decomposeHistory(history(24 * 7 * 8, 24 * 7 * 4));
    expect(spiked.trend[24 * 7 * 4 + 24]).toBeCloseTo(clean.trend[24 * 7 * 4 + 24]!, 6);
  });

  it('has no cycles on a history shorter than two days', () => {
    const d = decomposeHistory(history(30));
    expect(d.daily.every((v) => v === 0) && d.weekly.every((v) => v === 0)).toBe(true);
    expect(d.trend).toHaveLength(30);
  });
});
