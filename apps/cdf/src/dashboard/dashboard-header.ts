import { toIsoUtc } from '@cdf/core';
import type { DashboardData } from './dashboard-data.ts';
import { escapeXml } from './svg/svg-text.ts';
import { formatMoney, formatNumber } from './svg/value-format.ts';
import type { KeyFigures } from './views/key-figures.ts';

function kpi(id: string, label: string, value: string, unit: string, sub: string): string {
  return (
    `<div class="kpi" id="${id}"><div class="label">${escapeXml(label)}</div>` +
    `<div class="value">${escapeXml(value)}<small>${escapeXml(unit)}</small></div>` +
    `<div class="sub">${escapeXml(sub)}</div></div>`
  );
}

/** The page header: title, run facts, and the five key numbers. All text is escaped. */
export function dashboardHeader(data: DashboardData, figures: KeyFigures): string {
  const { run } = data;
  const rows = data.scenarios;
  const first = rows[0]!.timestamp;
  const last = rows[rows.length - 1]!.timestamp;
  const horizonHours = Math.round((last - first) / 3_600_000) + 1;
  const money = (v: number) => formatMoney(v, run.currency);
  const premium = figures.spikeProtectionPremium;
  const next = figures.nextLaunch;
  const meta = [
    `series ${run.series_id}`,
    `generated ${toIsoUtc(run.generated_at)}`,
    `${run.gpu.name} · ${formatNumber(run.gpu.tflops)} TFLOPS · ${money(run.gpu.price_per_hour)}/GPU-h`,
    `horizon ${horizonHours} h from ${toIsoUtc(first)}`,
  ];
  const cards = [
    kpi(
      'kpi-peak-p95',
      'Peak P95 demand',
      formatNumber(figures.peakP95.value),
      run.target.unit,
      `at ${toIsoUtc(figures.peakP95.at)}`,
    ),
    kpi(
      'kpi-peak-gpus',
      'Recommended GPUs (peak)',
      formatNumber(figures.peakRecommendedGpus.value),
      'GPUs',
      `at ${toIsoUtc(figures.peakRecommendedGpus.at)}`,
    ),
    kpi(
      'kpi-monthly-cost',
      'Monthly cost, recommended',
      money(figures.monthlyRecommendedCost),
      '/month',
      `${figures.recommendedTier} tier`,
    ),
    kpi(
      'kpi-premium',
      'Spike protection premium',
      money(premium.monthly),
      '/month',
      premium.pct === null ? 'over the baseline tier' : `+${premium.pct.toFixed(1)}% over the baseline tier`,
    ),
    next
      ? kpi(
          'kpi-next-launch',
          'Next planned launch',
          next.name,
          '',
          `${toIsoUtc(next.start)} (${next.hoursFromForecastStart >= 0 ? `in ${Math.round(next.hoursFromForecastStart / 24)} d` : 'under way'})`,
        )
      : kpi('kpi-next-launch', 'Next planned launch', 'none', '', 'no planned event in or after the horizon'),
  ];
  return (
    `<header class="top"><h1>${escapeXml(run.title)}</h1>` +
    `<div class="meta">${meta.map((m) => `<span>${escapeXml(m)}</span>`).join('')}</div>` +
    `<div class="kpis">${cards.join('')}</div></header>`
  );
}

/** The cost-by-tier table for finance: GPUs, cost per hour and month, premium over baseline. */
export function tierTable(data: DashboardData): string {
  if (data.tiers.length === 0) return '';
  const money = (v: number) => formatMoney(v, data.run.currency);
  const rows = data.tiers
    .map(
      (t) =>
        `<tr${t.recommended ? ' class="recommended"' : ''}><td>${escapeXml(t.name)}</td><td>${formatNumber(t.average_gpus)}</td>` +
        `<td>${formatNumber(t.peak_gpus)}</td><td>${money(t.average_cost_per_hour)}</td><td>${money(t.monthly_cost)}</td>` +
        `<td>${money(t.premium_over_baseline_monthly)}${t.premium_over_baseline_pct === null ? '' : ` (${t.premium_over_baseline_pct >= 0 ? '+' : ''}${t.premium_over_baseline_pct.toFixed(1)}%)`}</td></tr>`,
    )
    .join('');
  return (
    `<section class="panel wide" id="tier-costs"><h2>Cost by tier</h2><p class="sub">Average and peak GPUs over the horizon; monthly cost = average cost per hour × ${formatNumber(data.run.hours_per_month)} h</p>` +
    `<table class="tiers"><thead><tr><th>Tier</th><th>Avg GPUs</th><th>Peak GPUs</th><th>Avg cost/h</th><th>Monthly cost</th><th>Premium over baseline</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}
