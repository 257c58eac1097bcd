import type { CostModel, RiskLevel } from '@cdf/core';
import { z } from 'zod';

/**
 * The thresholds of the risk rule. `exceedance` is P(demand > provisioned throughput) for the
 * step, read from its quantiles (see `demandDistribution`).
 */
export const RiskRuleSchema = z.strictObject({
  /** Critical at or above this chance of running short: 0.05 means capacity at or below P95. */
  critical_exceedance: z.number().min(0).max(1).default(0.05),
  /** High at or above this chance: 0.01 means capacity at or below P99. */
  high_exceedance: z.number().min(0).max(1).default(0.01),
  /** Medium at or above this chance: about one short hour in a thousand. */
  medium_exceedance: z.number().min(0).max(1).default(0.001),
});
/** A parsed risk rule with defaults filled in. */
export type RiskRule = z.output<typeof RiskRuleSchema>;

/**
 * The risk of one step, first match wins:
 * - `critical`: expected utilization >= 1 (expected demand alone fills the GPUs) or
 *   exceedance >= `critical_exceedance`;
 * - `high`: expected utilization > `utilization_warning` or exceedance >= `high_exceedance`;
 * - `medium`: expected utilization > `utilization_target` or exceedance >= `medium_exceedance`;
 * - `low` otherwise.
 */
export function classifyRisk(
  expectedUtilization: number,
  exceedance: number,
  rule: RiskRule,
  cost: Pick<CostModel, 'utilization_target' | 'utilization_warning'>,
): RiskLevel {
  if (expectedUtilization >= 1 || exceedance >= rule.critical_exceedance) return 'critical';
  if (expectedUtilization > cost.utilization_warning || exceedance >= rule.high_exceedance) return 'high';
  if (expectedUtilization > cost.utilization_target || exceedance >= rule.medium_exceedance) return 'medium';
  return 'low';
}
