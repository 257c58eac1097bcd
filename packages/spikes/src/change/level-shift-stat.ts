import { RollingWindows } from './rolling-windows.ts';
import { WindowRanks } from './window-ranks.ts';

/**
 * How far the mean of the last `k` points sits from a reference window just before them, for
 * several `k` (1 = a point outlier, larger = a sustained shift): `|short mean - reference mean| /
 * reference sd * sqrt(k)`, both directions. Each `k`'s statistic is ranked against its own past,
 * less `log10(longest k / k)` decades for the shorter windows' more frequent independent looks;
 * the most improbable wins, Bonferroni-corrected for looking at several `k` ({@link WindowRanks}).
 * Causal and O(#k) per point (running sums, {@link RollingWindows}).
 */
export class LevelShiftStat {
  private readonly windows: RollingWindows;
  private readonly ranks: WindowRanks;
  private readonly statistics: Float64Array;

  constructor(referenceSteps: number, shortSteps: readonly number[], historyCapacity: number) {
    this.windows = new RollingWindows(referenceSteps, shortSteps);
    this.ranks = new WindowRanks(shortSteps, historyCapacity);
    this.statistics = new Float64Array(shortSteps.length);
  }

  /** Take the next point; its improbability in decades (0 until the reference window is full). */
  step(value: number): number {
    const w = this.windows;
    if (!w.push(value)) return 0;
    const mean = w.referenceMean();
    const sd = Math.max(Math.sqrt(w.referenceVariance()), 1e-6 * (Math.abs(mean + w.level) + 1));
    for (let j = 0; j < w.shortSteps.length; j++) {
      this.statistics[j] = (Math.abs(w.shortMean(j) - mean) / sd) * Math.sqrt(w.shortSteps[j]!);
    }
    return this.ranks.decades(this.statistics);
  }
}
