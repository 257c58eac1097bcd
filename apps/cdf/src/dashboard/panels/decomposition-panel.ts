import type { DashboardData } from '../dashboard-data.ts';
import { emptyNote, type PlotArea, svgChart, valueAxis } from '../svg/chart-frame.ts';
import { coveringTicks, linearScale, niceDomain, niceTicks } from '../svg/linear-scale.ts';
import { colour } from '../svg/palette.ts';
import { linePath } from '../svg/svg-path.ts';
import { escapeXml, px } from '../svg/svg-text.ts';
import { formatCompact, formatNumber } from '../svg/value-format.ts';
import { downsampleMinMax, MAX_HISTORY_POINTS } from '../views/downsample-min-max.ts';
import { stepOf } from '../views/risk-hours.ts';
import { seasonalProfile } from '../views/seasonal-profile.ts';
import type { Panel } from './panel.ts';
import { type TimeChartLayout, timeChart } from './time-chart.ts';

const SIZE = { width: 1200, height: 300 };
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A small line chart of a cycle profile inside `area`: grid lines at the `ticks` slots, each
 * label shifted right by `labelShift` slots (half a day centres weekday names).
 */
function profileChart(
  area: PlotArea,
  values: number[],
  ticks: [number, string][],
  title: string,
  unit: string,
  tint: string,
  labelShift = 0,
): string {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  const yTicks = coveringTicks(lo, hi, 4);
  const y = linearScale([yTicks[0]!, yTicks[yTicks.length - 1]!], [area.top + area.height, area.top]);
  const x = linearScale([0, values.length - 1], [area.left, area.left + area.width]);
  const xs = values.map((_, k) => x(k));
  const grid = ticks
    .map(
      ([slot, label]) =>
        `<line x1="${px(x(slot))}" x2="${px(x(slot))}" y1="${px(area.top)}" y2="${px(area.top + area.height)}" style="stroke:${colour('grid')}"/>` +
        `<text x="${px(x(slot + labelShift))}" y="${px(area.top + area.height + 16)}" text-anchor="middle" style="fill:${colour('muted')}">${label}</text>`,
    )
    .join('');
  return (
    `<text x="${px(area.left)}" y="${px(area.top - 10)}" style="fill:${colour('text')};font-weight:600">${escapeXml(title)}</text>` +
    grid +
    valueAxis(area, y, yTicks, formatCompact) +
    `<line x1="${px(area.left)}" x2="${px(area.left + area.width)}" y1="${px(y(0))}" y2="${px(y(0))}" style="stroke:${colour('axis')}"/>` +
    `<path d="${linePath(xs, values.map(y))}" style="fill:none;stroke:${tint};stroke-width:1.8"><title>${escapeXml(`${title} (${unit})`)}</title></path>`
  );
}

/** Anomaly view: the additive decomposition: trend over the history, daily and weekly cycles. */
export function decompositionPanel(data: DashboardData): Panel {
  const id = 'panel-decomposition';
  const unit = data.run.target.unit;
  const title = `Trend, daily and weekly decomposition (${unit})`;
  const d = data.decomposition;
  const h = data.history;
  if (!d || h.timestamps.length === 0) {
    return {
      id,
      title,
      subtitle: 'This run has no decomposition',
      wide: true,
      svg: svgChart(id, SIZE, title, emptyNote(SIZE, 'no decomposition in this run')),
      points: 0,
    };
  }
  const step = stepOf(h.timestamps);
  const domain: [number, number] = [h.timestamps[0]!, h.timestamps[h.timestamps.length - 1]! + step];
  const area: PlotArea = { left: 64, top: 40, width: 500, height: 220 };
  const x = linearScale(domain, [area.left, area.left + area.width]);
  const layout: TimeChartLayout = { id, size: SIZE, area, domain, x };
  // The trend is smooth: a fifth of the history's points draws it just as well.
  const idx = downsampleMinMax(d.trend, MAX_HISTORY_POINTS / 5);
  const t = idx.map((i) => h.timestamps[i]!);
  const [y0, y1] = niceDomain(0, Math.max(...idx.map((i) => d.trend[i]!)), 4);
  const y = linearScale([y0, y1], [area.top + area.height, area.top]);
  const trend = `<path d="${linePath(
    t.map(x),
    idx.map((i) => y(d.trend[i]!)),
  )}" style="fill:none;stroke:${colour('actual')};stroke-width:2"/>`;
  const daily = seasonalProfile(h.timestamps, d.daily, 'day');
  const weekly = seasonalProfile(h.timestamps, d.weekly, 'week');
  const dailyArea: PlotArea = { left: 660, top: 40, width: 200, height: 220 };
  const weeklyArea: PlotArea = { left: 940, top: 40, width: 240, height: 220 };
  const overlay =
    `<text x="${px(area.left)}" y="${px(area.top - 10)}" style="fill:${colour('text')};font-weight:600">Trend</text>` +
    profileChart(
      dailyArea,
      daily,
      [
        [0, '00'],
        [6, '06'],
        [12, '12'],
        [18, '18h'],
      ],
      'Daily cycle (UTC hour)',
      unit,
      colour('baseline'),
    ) +
    profileChart(
      weeklyArea,
      weekly,
      DAYS.map((day, k) => [k * 24, day] as [number, string]),
      'Weekly cycle (UTC)',
      unit,
      colour('launch'),
      12,
    );
  const svg = timeChart(layout, {
    label: title,
    axes: valueAxis(area, y, niceTicks(y0, y1, 4), formatCompact, { title: unit }),
    data: trend,
    overlay,
  });
  const amplitude = (v: number[]) =>
    Math.max(...v.filter(Number.isFinite)) - Math.min(...v.filter(Number.isFinite));
  return {
    id,
    title,
    subtitle: `Trend from ${formatNumber(d.trend[0]!)} to ${formatNumber(d.trend[d.trend.length - 1]!)} ${unit}; daily swing ${formatNumber(amplitude(daily))}, weekly swing ${formatNumber(amplitude(weekly))} ${unit}`,
    wide: true,
    svg,
    points: idx.length + daily.length + weekly.length,
    time: {
      group: 'history',
      domain,
      size: SIZE,
      area,
      t,
      series: [{ name: 'Trend', colour: colour('actual'), unit, values: idx.map((i) => d.trend[i]!) }],
    },
  };
}
