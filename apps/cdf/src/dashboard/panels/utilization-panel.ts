import type { DashboardData } from '../dashboard-data.ts';
import { legend, valueAxis } from '../svg/chart-frame.ts';
import { linearScale, niceTicks } from '../svg/linear-scale.ts';
import { colour } from '../svg/palette.ts';
import { linePath } from '../svg/svg-path.ts';
import { px } from '../svg/svg-text.ts';
import { formatPercent } from '../svg/value-format.ts';
import { stepOf } from '../views/risk-hours.ts';
import type { Panel } from './panel.ts';
import { timeChart, timeChartLayout } from './time-chart.ts';

/** Panel 5: expected utilization of the recommended GPUs against the target and warning lines. */
export function utilizationPanel(data: DashboardData): Panel {
  const rows = data.requirements;
  const { utilization_target: target, utilization_warning: warning } = data.run;
  const id = 'panel-utilization';
  const title = 'Expected utilization (%)';
  const step = stepOf(rows.map((r) => r.timestamp));
  const domain: [number, number] = [rows[0]!.timestamp, rows[rows.length - 1]!.timestamp + step];
  const layout = timeChartLayout(id, { width: 600, height: 300 }, domain);
  const { area, x } = layout;
  const max = rows.reduce((m, r) => Math.max(m, r.expected_utilization), 0);
  const top = Math.max(1, Math.ceil(max * 10) / 10);
  const y = linearScale([0, top], [area.top + area.height, area.top]);
  const xs = rows.map((r) => x(r.timestamp));
  const right = area.left + area.width;
  const hline = (v: number, name: 'target' | 'warning', label: string) =>
    `<line x1="${px(area.left)}" x2="${px(right)}" y1="${px(y(v))}" y2="${px(y(v))}" style="stroke:${colour(name)};stroke-width:1.4;stroke-dasharray:6 4"/>` +
    `<text x="${px(right - 4)}" y="${px(y(v) - 5)}" text-anchor="end" style="fill:${colour(name)};font-weight:600">${label} ${formatPercent(v)}</text>`;
  const danger = `<rect x="${px(area.left)}" y="${px(y(top))}" width="${px(area.width)}" height="${px(y(warning) - y(top))}" style="fill:${colour('warning')};fill-opacity:0.07"/>`;
  const line = `<path d="${linePath(
    xs,
    rows.map((r) => y(r.expected_utilization)),
  )}" style="fill:none;stroke:${colour('actual')};stroke-width:1.8"/>`;
  const above = rows.filter((r) => r.expected_utilization > warning).length;
  const svg = timeChart(layout, {
    label: `${title}: ${above} steps above the warning`,
    axes: danger + valueAxis(area, y, niceTicks(0, top, 5), formatPercent, { title: '%' }),
    data: line,
    overlay:
      hline(target, 'target', 'target') +
      hline(warning, 'warning', 'warning') +
      legend(
        [{ label: 'Expected demand / recommended GPUs', colour: colour('actual'), mark: 'line' }],
        area.left,
        16,
        area.width,
      ),
  });
  return {
    id,
    title,
    subtitle: `Peak ${formatPercent(max)}; ${above} step${above === 1 ? '' : 's'} above the ${formatPercent(warning)} warning, target ${formatPercent(target)}`,
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
          name: 'Utilization',
          colour: colour('actual'),
          unit: '%',
          scale: 100,
          values: rows.map((r) => r.expected_utilization),
        },
      ],
      notes: rows.map((r) => `risk ${r.risk_level}`),
    },
  };
}
