import { CdfError, type Series } from '@cdf/core';
import { makeSeries } from '@cdf/core/testing';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../forest/seeded-random.ts';
import { argMax } from '../testing/hand-made-series.ts';
import { ChangeDetector, scoreChanges } from './change-detector.ts';
import { RankHistory } from './rank-history.ts';

const FIVE_MIN = 300_000;

/**
 * 12 days of 5-min points: a daily cycle (+-30% around 100) with seeded noise (sd 3% by default), no weekly
 * effect, whose level jumps +40% at `shiftAt`. Made here so the test knows every change in it.
 */
function shiftedSeries(shiftAt: number, noise = 0.03): Series {
  const n = 12 * 288;
  const random = seededRandom(3);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = (random() + random() + random() + random() - 2) * Math.sqrt(3);
    values[i] =
      100 * (1 + 0.3 * Math.sin((2 * Math.PI * i) / 288)) * (1 + noise * z) * (i >= shiftAt ? 1.4 : 1);
  }
  return makeSeries(values, { stepMs: FIVE_MIN, id: 'shifted', target: 'value' });
}

describe('ChangeDetector', () => {
  it('raises its highest score within an hour of a level shift, and at most one alarm for it', () => {
    const shiftAt = 9 * 288 + 100;
    const series = shiftedSeries(shiftAt);
    const detector = new ChangeDetector(FIVE_MIN);
    const raw = new Float64Array(series.values.length);
    const alarms: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      const out = detector.step(series.values[i]!);
      raw[i] = out.rawScore;
      if (out.alarm) alarms.push(i);
    }
    const peak = argMax(raw);
    expect(peak).toBeGreaterThanOrEqual(shiftAt);
    expect(peak).toBeLessThan(shiftAt + 12);
    expect(raw[peak]!).toBeGreaterThan(0.8);
    // At most one alarm in the 12 h after the shift: the refractory period silences the rest.
    const atShift = alarms.filter((i) => i >= shiftAt && i < shiftAt + 144);
    expect(atShift.length).toBeLessThanOrEqual(1);
  });

  it('sees a flattened cycle at the usual mean with the context statistic', () => {
    const series = shiftedSeries(Number.POSITIVE_INFINITY, 0.002);
    const from = 8 * 288 + 40;
    for (let i = from; i < from + 72; i++) series.values[i] = 100; // 6 h stuck at the daily mean
    // (near noise-free, as NAB's artificial files: with 3% noise, novel sequences are everyday)
    const detector = new ChangeDetector(FIVE_MIN);
    const context = Float64Array.from(series.values, (v) => detector.step(v).decadesContext);
    const inFlat = Math.max(...context.subarray(from, from + 72));
    const before = Math.max(...context.subarray(from - 2 * 288, from));
    // Measured: 1.58 decades in the flat stretch, at most 0.74 in the two days before it.
    expect(inFlat).toBeGreaterThan(1);
    expect(inFlat).toBeGreaterThan(before + 0.5);
  });

  it('scores 0 for the refractory period after an alarm', () => {
    const series = shiftedSeries(9 * 288 + 100);
    const detector = new ChangeDetector(FIVE_MIN, { refractory: '1d' });
    let alarmAt = -1;
    for (let i = 0; i < series.values.length; i++) {
      const out = detector.step(series.values[i]!);
      if (alarmAt >= 0 && i - alarmAt <= 288) expect(out.score).toBe(0);
      if (alarmAt >= 0 && i - alarmAt > 288) break;
      if (out.alarm) {
        alarmAt = i;
        expect(out.score).toBe(out.rawScore);
        expect(out.score).toBeGreaterThanOrEqual(0.68);
      }
    }
    expect(alarmAt).toBeGreaterThan(0);
  });

  it('scores nothing before its windows are full, and 0 on missing and filled points', () => {
    const series = shiftedSeries(3000);
    series.filled[2000] = 1;
    series.values[2100] = Number.NaN;
    const scores = scoreChanges(series);
    // The level statistic needs a day of reference plus 64 points; the context one a day of range.
    for (let i = 0; i < 288; i++) expect(scores[i]).toBe(0);
    expect(scores[2000]).toBe(0);
    expect(scores[2100]).toBe(0);
  });

  it('is scale-free: an affine change of units gives the same scores up to rounding', () => {
    const shiftAt = 9 * 288 + 100;
    const series = shiftedSeries(shiftAt);
    const scaled = { ...series, values: Float64Array.from(series.values, (v) => 1e6 + 250 * v) };
    const rawOf = (s: Series) => {
      const d = new ChangeDetector(FIVE_MIN);
      return Float64Array.from(s.values, (v) => d.step(v).rawScore);
    };
    const a = rawOf(series);
    const b = rawOf(scaled);
    expect(argMax(b)).toBe(argMax(a));
    let close = 0;
    for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) < 1e-6) close++;
    // Rounding can move a value across a bin edge or break a rank tie the other way; the
    // great majority of scores are the same (94% here).
    expect(close / a.length).toBeGreaterThan(0.9);
  });

  it('batch scores are the streaming scores bit for bit', () => {
    const series = shiftedSeries(2500);
    series.filled[1000] = 1;
    const batch = scoreChanges(series, { refractory: '6h' });
    const stream = new ChangeDetector(FIVE_MIN, { refractory: '6h' });
    for (let i = 0; i < batch.length; i++) {
      expect(stream.step(series.values[i]!, series.filled[i] === 1).score).toBe(batch[i]);
    }
  });

  it('rejects bad parameters with INVALID_CONFIG naming the field', () => {
    expect(() => new ChangeDetector(FIVE_MIN, { bins: 1 })).toThrow(CdfError);
    expect(() => new ChangeDetector(0)).toThrow(/series step must be a positive/);
    let caught: unknown;
    try {
      new ChangeDetector(FIVE_MIN, { reference: 'soon' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CdfError);
    expect((caught as CdfError).code).toBe('INVALID_CONFIG');
    expect((caught as CdfError).location?.column).toBe('reference');
  });
});

describe('RankHistory', () => {
  it('gives -log10 of the share of past values at least as high, and a record one decade per tenfold', () => {
    const h = new RankHistory(1000, 20);
    expect(h.decades(5)).toBe(0); // too little history: no verdict
    for (let i = 1; i < 100; i++) h.decades(i); // 100 values now: 5, 1..99
    // 50..99 are >= 50, and so is nothing else: p = (50 + 1) / 101.
    expect(h.decades(50)).toBeCloseTo(-Math.log10(51 / 101), 12);
    // A record 10x the previous max (99): p = 1/102 * 99/990.
    expect(h.decades(990)).toBeCloseTo(-Math.log10((1 / 102) * (99 / 990)), 12);
  });

  it('forgets its oldest values beyond its capacity', () => {
    const h = new RankHistory(50, 20);
    for (let i = 0; i < 50; i++) h.decades(1000); // all old values high
    for (let i = 0; i < 50; i++) h.decades(i); // pushed out by 0..49
    expect(h.count).toBe(50);
    // Were the 1000s still held, 60 would rank below 50 of them; now it is a record.
    expect(h.decades(60)).toBeCloseTo(-Math.log10((1 / 51) * (49 / 60)), 12);
  });

  it('ranks on the values seen, whatever the noise seed', () => {
    const random = seededRandom(9);
    const h = new RankHistory(5000, 20);
    let over3 = 0;
    for (let i = 0; i < 5000; i++) if (h.decades(random()) >= 3) over3++;
    // Uniform noise: p <= 1e-3 only for the rare records near the top of a growing history.
    expect(over3).toBeLessThanOrEqual(5);
  });
});
