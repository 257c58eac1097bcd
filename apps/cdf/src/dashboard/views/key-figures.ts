import { HOUR_MS, plannedEventEnd } from '@cdf/core';
import type { DashboardData } from '../dashboard-data.ts';

/** The numbers in the dashboard's header. */
export interface KeyFigures {
  /** Highest P95 demand over the horizon and when. */
  peakP95: { value: number; at: number };
  /** Most recommended GPUs at any step and when. */
  peakRecommendedGpus: { value: number; at: number };
  /** Monthly cost of the recommended tier, and where the number comes from. */
  monthlyRecommendedCost: number;
  /** Monthly premium of the recommended tier over the baseline tier (spike protection), and in %. */
  spikeProtectionPremium: { monthly: number; pct: number | null };
  /** Name of the recommended tier ('recommended' when the data has no tier table). */
  recommendedTier: string;
  /** The first planned event that has not ended by the forecast start, if any. */
  nextLaunch: { name: string; start: number; hoursFromForecastStart: number } | undefined;
}

/**
 * Work out the header numbers. The tier table wins when it has a recommended tier; otherwise
 * the costs are averaged from the requirement rows (recommended and baseline GPUs x price).
 */
export function keyFigures(data: DashboardData): KeyFigures {
  const { scenarios, requirements, run } = data;
  let peakP95 = { value: -1, at: 0 };
  for (const r of scenarios) if (r.p95 > peakP95.value) peakP95 = { value: r.p95, at: r.timestamp };
  let peakGpus = { value: -1, at: 0 };
  for (const r of requirements) {
    if (r.recommended_gpus > peakGpus.value) peakGpus = { value: r.recommended_gpus, at: r.timestamp };
  }
  const tier = data.tiers.find((t) => t.recommended);
  let monthly: number;
  let premium: { monthly: number; pct: number | null };
  if (tier) {
    monthly = tier.monthly_cost;
    premium = { monthly: tier.premium_over_baseline_monthly, pct: tier.premium_over_baseline_pct };
  } else {
    const n = Math.max(1, requirements.length);
    const meanRec = requirements.reduce((s, r) => s + r.recommended_gpus, 0) / n;
    const meanBase = requirements.reduce((s, r) => s + r.baseline_gpus, 0) / n;
    const price = run.gpu.price_per_hour * run.hours_per_month;
    monthly = meanRec * price;
    const base = meanBase * price;
    premium = { monthly: monthly - base, pct: base > 0 ? ((monthly - base) / base) * 100 : null };
  }
  const horizonStart = scenarios[0]!.timestamp;
  const upcoming = data.planned_events
    .filter((e) => plannedEventEnd(e) > horizonStart)
    .sort((a, b) => a.start - b.start)[0];
  return {
    peakP95,
    peakRecommendedGpus: peakGpus,
    monthlyRecommendedCost: monthly,
    spikeProtectionPremium: premium,
    recommendedTier: tier?.name ?? 'recommended',
    nextLaunch: upcoming && {
      name: upcoming.name,
      start: upcoming.start,
      hoursFromForecastStart: (upcoming.start - horizonStart) / HOUR_MS,
    },
  };
}
