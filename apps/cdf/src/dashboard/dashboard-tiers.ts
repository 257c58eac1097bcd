import type { TierName, Tiers } from '@cdf/capacity';
import type { DashboardTier } from './dashboard-data.ts';

/**
 * The dashboard's tier table from a capacity plan's tiers (`planCapacity(...).tiers`), smallest
 * first, with `recommended` marking the tier the plan recommends (the conservative, P95 tier).
 */
export function dashboardTiers(tiers: Tiers, recommended: TierName = 'conservative'): DashboardTier[] {
  return (['baseline', 'expected', 'conservative', 'emergency'] as const).map((name) => {
    const t = tiers[name];
    return {
      name,
      average_gpus: t.average_gpus,
      peak_gpus: t.peak_gpus,
      average_cost_per_hour: t.average_cost_per_hour,
      monthly_cost: t.monthly_cost,
      premium_over_baseline_monthly: t.premium_over_baseline_monthly,
      premium_over_baseline_pct: t.premium_over_baseline_pct,
      recommended: name === recommended,
    };
  });
}
