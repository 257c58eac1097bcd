import type { DashboardData } from '../dashboard-data.ts';
import { legend, valueAxis } from '../svg/chart-frame.ts';
import { linearScale } from '../svg/linear-scale.ts';
import { colour } from '../svg/palette.ts';
import { px } from '../svg/svg-text.ts';
import { formatPercent } from '../svg/value-format.ts';
import { stepOf } from '../views/risk-hours.ts';
import type { Panel } from './panel.ts';
import { timeChart, timeChartLayout } from './time-chart.ts';

/** Probability above which a bar is drawn in the alert colour. */
export const HIGH_SPIKE_PROBABILITY = 0.5;

/** Panel 3: the probability that each forecast step is part of a spike, one bar per step. */
export function spikeProbabilityPanel(data: DashboardData): Panel {
  const rows = data.scenarios;
  const id = 'panel-spike-probability';
  const title = 'Spike probability by hour (%)';
  const step = stepOf(rows.map((r) => r.timestamp));
  const domain: [number, number] = [rows[0]!.timestamp, rows[rows.length - 1]!.timestamp + step];
  const layout = timeChartLayout(id, { width: 600, height: 300 }, domain);
  const { area, x } = layout;
  const y = linearScale([0, 1], [area.top + area.height, area.top]);
  const bottom = y(0);
  const width = Math.max(0.5, x(domain[0] + step) - x(domain[0]) - 0.4);
  const bars = (high: boolean) => {
    let d = '';
    for (const r of rows) {
      if (r.spike_probability >= HIGH_SPIKE_PROBABILITY !== high || r.spike_probability <= 0) continue;
      d += `M${px(x(r.timestamp))} ${px(bottom)}V${px(y(r.spike_probability))}h${px(width)}V${px(bottom)}Z`;
    }
    return d
      ? `<path d="${d}" style="fill:${colour(high ? 'high' : 'viral_event')};fill-opacity:${high ? 0.95 : 0.45}"/>`
      : '';
  };
  const threshold = `<line x1="${px(area.left)}" x2="${px(area.left + area.width)}" y1="${px(y(HIGH_SPIKE_PROBABILITY))}" y2="${px(y(HIGH_SPIKE_PROBABILITY))}" style="stroke:${colour('warning')};stroke-dasharray:5 4"/>`;
  const max = rows.reduce((m, r) => Math.max(m, r.spike_probability), 0);
  const svg = timeChart(layout, {
    label: `${title}: highest ${formatPercent(max)}`,
    axes: valueAxis(area, y, [0, 0.25, 0.5, 0.75, 1], formatPercent, { title: '%' }),
    data: bars(false) + bars(true),
    overlay:
      threshold +
      legend(
        [
          { label: 'P(spike)', colour: colour('viral_event'), opacity: 0.45 },
          { label: `≥ ${formatPercent(HIGH_SPIKE_PROBABILITY)}`, colour: colour('high') },
        ],
        area.left,
        16,
        area.width,
      ),
  });
  return {
    id,
    title,
    subtitle: `Highest ${formatPercent(max)}; ${rows.filter((r) => r.spike_probability >= HIGH_SPIKE_PROBABILITY).length} steps at or above ${formatPercent(HIGH_SPIKE_PROBABILITY)}`,
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
          name: 'P(spike)',
          colour: colour('viral_event'),
          unit: '%',
          scale: 100,
          values: rows.map((r) => r.spike_probability),
        },
      ],
    },
  };
}
