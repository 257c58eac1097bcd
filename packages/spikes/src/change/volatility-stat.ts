import { RollingWindows } from './rolling-windows.ts';
import { WindowRanks } from './window-ranks.ts';

/**
 * How erratic the last `k` points are, for several `k`: their standard deviation, ranked against
 * the same window's own past values, so only a spread the series has rarely
 * shown counts, and only upwards (a quiet night or a stuck sensor is the context statistic's
 * business). It sees what a mean over the same points averages away: a burst of noise at the
 * usual level, a jump and its rebound, a run of alternating outliers. No reference window: a
 * spread compared with the day before was tried and scored lower on NAB (README). The windows
 * are combined as the level shift's are ({@link WindowRanks}). Causal, O(#k) per point (running
 * sums, {@link RollingWindows}).
 */
export class VolatilityStat {
  private readonly windows: RollingWindows;
  private readonly ranks: WindowRanks;
  private readonly statistics: Float64Array;
  private seen = 0;

  /**
   * `windowSteps`: the window lengths; `historyCapacity`: past values kept per window;
   * `startAfter`: points taken in, once the longest window is full, before any is scored or
   * ranked (the change detector passes the points its level shift waits for, so the volatility
   * starts one window length after the level shift).
   */
  constructor(
    windowSteps: readonly number[],
    historyCapacity: number,
    private readonly startAfter = 0,
  ) {
    this.windows = new RollingWindows(0, windowSteps);
    this.ranks = new WindowRanks(windowSteps, historyCapacity);
    this.statistics = new Float64Array(windowSteps.length);
  }

  /**
   * Take the next point; its improbability in decades (0 until the longest window is full and
   * `startAfter` more points are in).
   */
  step(value: number): number {
    const w = this.windows;
    if (!w.push(value)) return 0;
    if (this.seen++ < this.startAfter) return 0;
    for (let j = 0; j < w.shortSteps.length; j++) this.statistics[j] = Math.sqrt(w.shortVariance(j));
    return this.ranks.decades(this.statistics);
  }
}
