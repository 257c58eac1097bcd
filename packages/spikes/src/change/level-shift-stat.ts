import { RankHistory } from './rank-history.ts';
import { RollingWindows } from './rolling-windows.ts';
import { scanCorrections } from './scan-correction.ts';

/**
 * How far the mean of the last `k` points sits from a reference window just before them, for
 * several `k` (1 = a point outlier, larger = a sustained shift): `|short mean - reference mean| /
 * reference sd * sqrt(k)`, both directions. Each `k`'s statistic is ranked against its own past
 * ({@link RankHistory}), less `log10(longest k / k)` decades for the shorter windows' more
 * frequent independent looks ({@link scanCorrections}); the most improbable wins,
 * Bonferroni-corrected for looking at several `k`.
 * Causal and O(#k) per point (running sums, {@link RollingWindows}).
 */
export class LevelShiftStat {
  private readonly windows: RollingWindows;
  private readonly histories: RankHistory[];
  private readonly corrections: Float64Array;

  constructor(referenceSteps: number, shortSteps: readonly number[], historyCapacity: number) {
    this.windows = new RollingWindows(referenceSteps, shortSteps);
    this.histories = shortSteps.map(() => new RankHistory(historyCapacity));
    this.corrections = scanCorrections(shortSteps);
  }

  /** Take the next point; its improbability in decades (0 until the reference window is full). */
  step(value: number): number {
    const w = this.windows;
    if (!w.push(value)) return 0;
    const mean = w.referenceMean();
    const sd = Math.max(Math.sqrt(w.referenceVariance()), 1e-6 * (Math.abs(mean + w.level) + 1));
    let best = 0;
    for (let j = 0; j < w.shortSteps.length; j++) {
      const k = w.shortSteps[j]!;
      const raw = (Math.abs(w.shortMean(j) - mean) / sd) * Math.sqrt(k);
      best = Math.max(best, this.histories[j]!.decades(raw) - this.corrections[j]!);
    }
    return Math.max(0, best - Math.log10(w.shortSteps.length));
  }
}
