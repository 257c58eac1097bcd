import { describe, expect, it } from 'vitest';
import { scoreNabFile } from './nab-file-score.ts';
import { nabProfiles } from './nab-profiles.ts';
import { nabScaledSigmoid } from './scaled-sigmoid.ts';

// 20 rows one minute apart; one window on rows 5..9 (width 5).
const t0 = Date.UTC(2015, 0, 1);
const timestamps = Array.from({ length: 20 }, (_, i) => t0 + i * 60_000);
const windows = [{ start: timestamps[5]!, end: timestamps[9]! }];
const costMatrix = nabProfiles.standard; // tp 1, fn 1, fp 0.11

function scoresAt(rows: number[]): number[] {
  return timestamps.map((_, i) => (rows.includes(i) ? 1 : 0));
}

describe('nabScaledSigmoid', () => {
  // S(x) = 2/(1+e^{5x}) - 1 = tanh(-2.5x): S(-1) = tanh 2.5 = 0.986614, S(0) = 0, S(>=3) = -1
  it('matches NAB sweeper.scaledSigmoid', () => {
    expect(nabScaledSigmoid(-1)).toBeCloseTo(Math.tanh(2.5), 14);
    expect(nabScaledSigmoid(0)).toBe(0);
    expect(nabScaledSigmoid(0.5)).toBeCloseTo(-Math.tanh(1.25), 14);
    expect(nabScaledSigmoid(3)).toBe(-1);
  });
});

describe('scoreNabFile', () => {
  // Detection at row 7: position -(9 - 7 + 1)/5 = -0.6 -> S(-0.6)/S(-1) = tanh 1.5 / tanh 2.5 = 0.917429.
  // FP at row 2, before any window: -0.11.
  // FP at row 11: |9 - 11| / (5 - 1) = 0.5 -> 0.11 * S(0.5) = 0.11 * -0.848284 = -0.093311.
  // FP at row 19: 10/4 = 2.5 -> 0.11 * S(2.5) = -0.109999.
  // Total 0.917429 - 0.11 - 0.093311 - 0.109999 = 0.604118.
  it('scores TP, FPs before and after a window by hand', () => {
    const r = scoreNabFile({
      timestamps,
      scores: scoresAt([2, 7, 8, 11, 19]),
      windows,
      threshold: 0.5,
      costMatrix,
      probationaryPercent: 0,
    });
    const tpScore = Math.tanh(1.5) / Math.tanh(2.5);
    expect(r.rawScore).toBeCloseTo(tpScore - 0.11 - 0.11 * Math.tanh(1.25) - 0.11 * Math.tanh(6.25), 12);
    expect(r.rawScore).toBeCloseTo(0.6041183, 6);
    // rows 7 and 8 detected in the window; 3 FPs; 3 window rows missed; 20 - 5 - 3 = 12 TNs.
    expect(r).toMatchObject({ tp: 2, fp: 3, fn: 3, tn: 12, scoredWindows: 1, detectedWindows: 1 });
  });

  // probation = floor(0.15 * 20) = 3 rows: the FP at row 2 no longer counts -> 0.604118 + 0.11.
  it('ignores the probationary rows', () => {
    const r = scoreNabFile({
      timestamps,
      scores: scoresAt([2, 7, 11, 19]),
      windows,
      threshold: 0.5,
      costMatrix,
    });
    expect(r.rawScore).toBeCloseTo(0.7141183, 6);
    expect(r.probationaryRows).toBe(3);
  });

  it('scores 1 for a detection on the first window row and -fnWeight for a miss', () => {
    const base = { timestamps, windows, threshold: 0.5, probationaryPercent: 0 };
    expect(scoreNabFile({ ...base, scores: scoresAt([5]), costMatrix }).rawScore).toBeCloseTo(1, 12);
    expect(scoreNabFile({ ...base, scores: scoresAt([]), costMatrix }).rawScore).toBe(-1);
    expect(
      scoreNabFile({ ...base, scores: scoresAt([]), costMatrix: nabProfiles.reward_low_FN_rate }).rawScore,
    ).toBe(-2);
  });

  // A detection on the last window row: -(9 - 9 + 1)/5 = -0.2 -> tanh(0.5)/tanh(2.5) = 0.468387.
  it('rewards only the earliest detection in a window', () => {
    const base = { timestamps, windows, threshold: 0.5, probationaryPercent: 0, costMatrix };
    expect(scoreNabFile({ ...base, scores: scoresAt([9]) }).rawScore).toBeCloseTo(
      Math.tanh(0.5) / Math.tanh(2.5),
      12,
    );
    expect(scoreNabFile({ ...base, scores: scoresAt([6, 9]) }).rawScore).toBeCloseTo(
      scoreNabFile({ ...base, scores: scoresAt([6]) }).rawScore,
      12,
    );
  });

  it('counts a row as detected when its score equals the threshold', () => {
    const scores = timestamps.map((_, i) => (i === 5 ? 0.7 : 0.1));
    const base = { timestamps, windows, scores, probationaryPercent: 0, costMatrix };
    expect(scoreNabFile({ ...base, threshold: 0.7 }).detectedWindows).toBe(1);
    expect(scoreNabFile({ ...base, threshold: 0.7000001 }).detectedWindows).toBe(0);
  });

  it('caps probation at 15% of 5000 rows', () => {
    const long = Array.from({ length: 10_000 }, (_, i) => t0 + i * 60_000);
    const r = scoreNabFile({
      timestamps: long,
      scores: new Float64Array(10_000),
      windows: [],
      threshold: 0.5,
      costMatrix,
    });
    expect(r.probationaryRows).toBe(750);
    expect(r.tn).toBe(10_000 - 750);
  });

  it('rejects window bounds that are not data timestamps', () => {
    const bad = [{ start: t0 + 30_000, end: timestamps[9]! }];
    expect(() =>
      scoreNabFile({ timestamps, scores: scoresAt([]), windows: bad, threshold: 0.5, costMatrix }),
    ).toThrow(/window bound/);
  });
});
