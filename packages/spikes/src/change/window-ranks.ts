import { RankHistory } from './rank-history.ts';
import { scanCorrections } from './scan-correction.ts';

/**
 * One statistic per window length, each ranked against its own past ({@link RankHistory}), and
 * the rule that combines them: the most improbable window, less its {@link scanCorrections}
 * (shorter windows look afresh more often), Bonferroni-corrected for looking at several windows.
 * The level shift and the volatility share it; they differ only in the statistic they rank.
 */
export class WindowRanks {
  private readonly histories: RankHistory[];
  private readonly corrections: Float64Array;
  private readonly bonferroni: number;

  constructor(windowSteps: readonly number[], historyCapacity: number) {
    this.histories = windowSteps.map(() => new RankHistory(historyCapacity));
    this.corrections = scanCorrections(windowSteps);
    this.bonferroni = Math.log10(windowSteps.length);
  }

  /**
   * Rank `statistics[j]` (window `j`'s value at this point) against window `j`'s past, add it to
   * that past, and return the combined improbability in decades (0 when nothing is unusual).
   */
  decades(statistics: Float64Array): number {
    let best = 0;
    for (let j = 0; j < this.histories.length; j++) {
      best = Math.max(best, this.histories[j]!.decades(statistics[j]!) - this.corrections[j]!);
    }
    return Math.max(0, best - this.bonferroni);
  }
}
