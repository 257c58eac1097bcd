import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventClassification } from './event-classification.ts';
import { eventsOf } from './events.ts';
import { expectedCalibrationError } from './expected-calibration-error.ts';
import { pointClassification } from './point-classification.ts';
import { rocAuc } from './roc-auc.ts';

describe('pointClassification', () => {
  // actual 1,1,0,0,1,0 vs predicted 1,0,1,0,1,0: tp = {0,4}, fn = {1}, fp = {2}, tn = {3,5}
  it('counts steps and derives the rates', () => {
    const r = pointClassification(
      [true, true, false, false, true, false],
      new Uint8Array([1, 0, 1, 0, 1, 0]),
    );
    expect(r).toMatchObject({ tp: 2, fn: 1, fp: 1, tn: 2 });
    expect(r.precision).toBeCloseTo(2 / 3, 12);
    expect(r.recall).toBeCloseTo(2 / 3, 12);
    expect(r.f1).toBeCloseTo(2 / 3, 12);
    expect(r.falsePositiveRate).toBeCloseTo(1 / 3, 12);
  });

  it('scores an empty detector 0, not NaN', () => {
    const r = pointClassification([true, false], [false, false]);
    expect([r.precision, r.recall, r.f1, r.falsePositiveRate]).toEqual([0, 0, 0, 0]);
  });
});

describe('eventClassification', () => {
  // true events [1-2], [5-7], [10]; predicted [2-3], [9], [11]. Only [2-3] overlaps (with [1-2]).
  it('matches events by overlap', () => {
    const actual = [0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0].map(Boolean);
    const predicted = [0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1].map(Boolean);
    const r = eventClassification(actual, predicted);
    expect(r.trueEvents).toEqual([
      { start: 1, end: 2 },
      { start: 5, end: 7 },
      { start: 10, end: 10 },
    ]);
    expect(r).toMatchObject({ detectedTrueEvents: 1, matchedPredictedEvents: 1, falseAlarms: 2 });
    expect(r.precision).toBeCloseTo(1 / 3, 12);
    expect(r.recall).toBeCloseTo(1 / 3, 12);
    expect(r.f1).toBeCloseTo(1 / 3, 12);
    expect(r.falseAlarmRate).toBeCloseTo(2 / 3, 12);
  });

  // one long alert over two incidents: both detected, one predicted event, which matches
  it('lets one predicted event detect two true events', () => {
    const r = eventClassification([true, false, true], [true, true, true]);
    expect(r).toMatchObject({ detectedTrueEvents: 2, matchedPredictedEvents: 1, precision: 1, recall: 1 });
  });

  it('finds the same overlaps as a brute-force check', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 60 }),
        (pairs) => {
          const actual = pairs.map((p) => p[0]);
          const predicted = pairs.map((p) => p[1]);
          const r = eventClassification(actual, predicted);
          const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
            a.start <= b.end && b.start <= a.end;
          const truth = eventsOf(actual);
          const predictedEvents = eventsOf(predicted);
          expect(r.detectedTrueEvents).toBe(
            truth.filter((t) => predictedEvents.some((p) => overlaps(t, p))).length,
          );
          expect(r.matchedPredictedEvents).toBe(
            predictedEvents.filter((p) => truth.some((t) => overlaps(t, p))).length,
          );
        },
      ),
    );
  });
});

describe('rocAuc', () => {
  // positives 0.9, 0.8, 0.1; negatives 0.8, 0.3. Pairs won: 0.9 -> 2; 0.8 -> 1 + tie 0.5; 0.1 -> 0.
  // AUC = 3.5 / 6. Average ranks: 0.1:1, 0.3:2, 0.8:3.5 (x2), 0.9:5 -> (1 + 3.5 + 5 - 6) / 6.
  it('counts ties as one half', () => {
    expect(rocAuc([true, false, true, false, true], [0.9, 0.8, 0.8, 0.3, 0.1])).toBeCloseTo(3.5 / 6, 12);
  });

  it('needs both classes', () => {
    expect(() => rocAuc([true, true], [0.1, 0.2])).toThrow(/positive and one negative/);
  });

  it('flips to 1 - AUC when the scores are negated', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 5 })), { minLength: 2, maxLength: 40 }),
        (pairs) => {
          const labels = pairs.map((p) => p[0]);
          if (labels.every((l) => l) || labels.every((l) => !l)) return;
          const scores = pairs.map((p) => p[1]);
          const auc = rocAuc(labels, scores);
          expect(auc).toBeGreaterThanOrEqual(0);
          expect(auc).toBeLessThanOrEqual(1);
          expect(
            auc +
              rocAuc(
                labels,
                scores.map((s) => -s),
              ),
          ).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});

describe('expectedCalibrationError', () => {
  // bin 0: {0.05 -> 0}: |0 - 0.05| = 0.05, weight 1/6
  // bin 1: {0.15 -> 1, 0.12 -> 0}: |0.5 - 0.135| = 0.365, weight 2/6
  // bin 9: {0.95 -> 1, 0.9 -> 1, 1.0 -> 0}: |2/3 - 0.95| = 0.28333, weight 3/6
  // ECE = (0.05 + 0.73 + 0.85) / 6 = 0.271667
  it('weights each bin gap by its share of points', () => {
    const ece = expectedCalibrationError(
      [false, true, false, true, true, false],
      [0.05, 0.15, 0.12, 0.95, 0.9, 1.0],
    );
    expect(ece).toBeCloseTo(1.63 / 6, 12);
  });

  it('is 0 for a calibrated bin and rejects a probability above 1', () => {
    expect(expectedCalibrationError([true, false], [0.5, 0.5])).toBe(0);
    expect(() => expectedCalibrationError([true], [1.2])).toThrow(/outside \[0, 1\]/);
  });
});
