import type { DashboardData } from '../dashboard-data.ts';
import { legend, valueAxis } from '../svg/chart-frame.ts';
import { linearScale, niceDomain, niceTicks } from '../svg/linear-scale.ts';
import { colour } from '../svg/palette.ts';
import { stepPath } from '../svg/svg-path.ts';
import { formatCompact, formatMoney, formatNumber } from '../svg/value-format.ts';
import { stepOf } from '../views/risk-hours.ts';
import type { Panel } from './panel.ts';
import { timeChart, timeChartLayout } from './time-chart.ts';

/**
 * Panel 4: GPUs per tier over the horizon (baseline, recommended, burst-ready) as step lines.
 * Cost is GPUs x price, so the right axis reads the same lines in cost per hour.
 */
export function gpuTierPanel(data: DashboardData): Panel {
  const rows = data.requirements;
  const { gpu, currency } = data.run;
  const id = 'panel-gpu-tiers';
  const title = `GPU requirements per tier (${gpu.name})`;
  const step = stepOf(rows.map((r) => r.timestamp));
  const domain: [number, number] = [rows[0]!.timestamp, rows[rows.length - 1]!.timestamp + step];
  const layout = timeChartLayout(id, { width: 600, height: 300 }, domain);
  const { area, x } = layout;
  const top = rows.reduce((m, r) => Math.max(m, r.burst_ready_gpus), 0);
  const [y0, y1] = niceDomain(0, top, 5);
  const y = linearScale([y0, y1], [area.top + area.height, area.top]);
  const ticks = niceTicks(y0, y1, 5);
  const xs = rows.map((r) => x(r.timestamp));
  const width = x(domain[0] + step) - x(domain[0]);
  const tier = (values: number[], style: string) =>
    `<path d="${stepPath(xs, values.map(y), width)}" style="fill:none;${style}"/>`;
  const data_ =
    tier(
      rows.map((r) => r.burst_ready_gpus),
      `stroke:${colour('critical')};stroke-width:1.5;stroke-dasharray:5 3`,
    ) +
    tier(
      rows.map((r) => r.recommended_gpus),
      `stroke:${colour('actual')};stroke-width:2.2`,
    ) +
    tier(
      rows.map((r) => r.baseline_gpus),
      `stroke:${colour('baseline')};stroke-width:1.6`,
    );
  const meanCost = rows.reduce((s, r) => s + r.recommended_cost_per_hour, 0) / rows.length;
  const symbol = currency === 'USD' ? '$' : `${currency} `;
  const money = (v: number) => `${symbol}${formatCompact(v * gpu.price_per_hour)}`;
  const axes =
    valueAxis(area, y, ticks, formatNumber, { title: 'GPUs' }) +
    valueAxis(area, y, ticks, money, {
      side: 'right',
      title: `${currency === 'USD' ? '$' : currency}/h`,
      tint: colour('cost'),
    });
  const svg = timeChart(layout, {
    label: `${title}: recommended mean ${formatMoney(meanCost, currency)}/h`,
    axes,
    data: data_,
    overlay: legend(
      [
        { label: 'Baseline', colour: colour('baseline'), mark: 'line' },
        { label: 'Recommended', colour: colour('actual'), mark: 'line' },
        { label: 'Burst-ready', colour: colour('critical'), mark: 'dash' },
      ],
      area.left,
      16,
      area.width,
    ),
  });
  return {
    id,
    title,
    subtitle: `${gpu.name} at ${formatMoney(gpu.price_per_hour, currency)}/GPU-h; recommended tier averages ${formatMoney(meanCost, currency)}/h (right axis: cost per hour)`,
    wide: false,
    svg,
    points: rows.length,
    time: {
      group: 'forecast',
      domain,
      size: layout.size,
      area,
      t: rows.map((r) => r.timestamp),
      series: [
        {
          name: 'Burst-ready',
          colour: colour('critical'),
          unit: 'GPUs',
          values: rows.map((r) => r.burst_ready_gpus),
        },
        {
          name: 'Recommended',
          colour: colour('actual'),
          unit: 'GPUs',
          values: rows.map((r) => r.recommended_gpus),
        },
        {
          name: 'Baseline',
          colour: colour('baseline'),
          unit: 'GPUs',
          values: rows.map((r) => r.baseline_gpus),
        },
        {
          name: 'Cost',
          colour: colour('cost'),
          unit: `${currency}/h`,
          values: rows.map((r) => r.recommended_cost_per_hour),
        },
      ],
    },
  };
}
