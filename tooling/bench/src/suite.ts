import type { ReportTable } from './report-table.ts';
import type { CaseContext, SpeedCase } from './speed-case.ts';

/**
 * A group of benchmarks for one stage: speed cases (each timed in its own process) and
 * accuracy or peer comparisons (which produce their own tables).
 */
export interface Suite {
  name: string;
  speed?: SpeedCase[];
  /** Tables measured in-process: accuracy on real data, peer ratios. */
  tables?: (ctx: CaseContext) => Promise<ReportTable[]>;
}
