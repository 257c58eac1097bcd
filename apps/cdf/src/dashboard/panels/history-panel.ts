import { SPIKE_TYPES } from '@cdf/core';
import type { DashboardData } from '../dashboard-data.ts';
import { legend, valueAxis } from '../svg/chart-frame.ts';
import { linearScale, niceDomain, niceTicks } from '../svg/linear-scale.ts';
import { colour } from '../svg/palette.ts';
import { dotsPath, linePath } from '../svg/svg-path.ts';
import { px } from '../svg/svg-text.ts';
import { formatCompact, formatNumber } from '../svg/value-format.ts';
import { downsampleMinMax, MAX_HISTORY_POINTS } from '../views/downsample-min-max.ts';
import { stepOf } from '../views/risk-hours.ts';
import type { Panel } from './panel.ts';
import { SPIKE_TYPE_LABELS } from './spike-type-labels.ts';
import { timeChart, timeChartLayout } from './time-chart.ts';

/**
 * Panel 1: the observed history, its expected level, and every anomaly coloured by spike type
 * over a faint band per spike event. Histories longer than {@link MAX_HISTORY_POINTS} steps are
 * downsampled to each bucket's minimum, maximum and highest anomaly (see `downsampleMinMax`).
 */
export function historyPanel(data: DashboardData, maxPoints = MAX_HISTORY_POINTS): Panel {
  const h = data.history;
  const unit = data.run.target.unit;
  const n = h.timestamps.length;
  const id = 'panel-history';
  const title = `Demand history (${unit})`;
  const step = stepOf(h.timestamps);
  const idx = downsampleMinMax(h.values, maxPoints, (i) => h.is_anomaly[i] === true);
  const t = idx.map((i) => h.timestamps[i]!);
  const domain: [number, number] = n > 0 ? [h.timestamps[0]!, h.timestamps[n - 1]! + step] : [0, 1];
  const layout = timeChartLayout(id, { width: 1200, height: 340 }, domain);
  const { area, x } = layout;
  let top = 0;
  for (const i of idx) top = Math.max(top, h.values[i]!, h.expected[i]!);
  const [y0, y1] = niceDomain(0, top, 5);
  const y = linearScale([y0, y1], [area.top + area.height, area.top]);
  const xs = t.map(x);

  const bands = data.spike_events
    .map((e) => {
      const a = x(e.start);
      const b = x(e.end + step);
      return `<rect x="${px(a)}" y="${px(area.top)}" width="${px(Math.max(1, b - a))}" height="${px(area.height)}" style="fill:${colour(e.type)};fill-opacity:0.1"><title>${SPIKE_TYPE_LABELS[e.type]}${e.name ? `: ${e.name}` : ''}</title></rect>`;
    })
    .join('');
  const actual = `<path d="${linePath(
    xs,
    idx.map((i) => y(h.values[i]!)),
  )}" style="fill:none;stroke:${colour('actual')};stroke-width:1.2;stroke-linejoin:round"/>`;
  const expected = `<path d="${linePath(
    xs,
    idx.map((i) => y(h.expected[i]!)),
  )}" style="fill:none;stroke:${colour('expected')};stroke-width:1;stroke-dasharray:4 3"/>`;
  const counts = new Map(SPIKE_TYPES.map((type) => [type, 0]));
  const dots = SPIKE_TYPES.map((type) => {
    const px_: number[] = [];
    const py: number[] = [];
    idx.forEach((i, k) => {
      if (h.is_anomaly[i] && h.spike_type[i] === type) {
        px_.push(xs[k]!);
        py.push(y(h.values[i]!));
      }
    });
    for (let i = 0; i < n; i++)
      if (h.is_anomaly[i] && h.spike_type[i] === type) counts.set(type, (counts.get(type) ?? 0) + 1);
    return px_.length > 0
      ? `<path class="dots" data-type="${type}" d="${dotsPath(px_, py)}" style="fill:none;stroke:${colour(type)};stroke-width:5;stroke-linecap:round"/>`
      : '';
  }).join('');
  const untyped = idx.filter((i) => h.is_anomaly[i] && h.spike_type[i] === null);
  const otherDots =
    untyped.length > 0
      ? `<path class="dots" data-type="other" d="${dotsPath(
          untyped.map((i) => x(h.timestamps[i]!)),
          untyped.map((i) => y(h.values[i]!)),
        )}" style="fill:none;stroke:${colour('muted')};stroke-width:5;stroke-linecap:round"/>`
      : '';

  const items = [
    { label: `Demand (${unit})`, colour: colour('actual'), mark: 'line' as const },
    { label: 'Expected', colour: colour('expected'), mark: 'dash' as const },
    ...SPIKE_TYPES.map((type) => ({
      label: `${SPIKE_TYPE_LABELS[type]} (${formatNumber(((counts.get(type) ?? 0) * step) / 3_600_000)} h)`,
      colour: colour(type),
      mark: 'dot' as const,
    })),
  ];
  const svg = timeChart(layout, {
    label: `${title}: ${n} steps, ${data.spike_events.length} spike events`,
    axes: valueAxis(area, y, niceTicks(y0, y1, 5), formatCompact, { title: unit }),
    data: bands + expected + actual + dots + otherDots,
    overlay: legend(items, area.left, 16, area.width),
  });
  return {
    id,
    title,
    subtitle:
      n > idx.length
        ? `${formatNumber(n)} steps drawn as ${formatNumber(idx.length)} (min, max and anomalies per bucket); anomalies coloured by spike type`
        : `${formatNumber(n)} steps; anomalies coloured by spike type, spike events shaded`,
    wide: true,
    svg,
    points: idx.length,
    time: {
      group: 'history',
      domain,
      size: layout.size,
      area,
      t,
      series: [
        { name: 'Demand', colour: colour('actual'), unit, values: idx.map((i) => h.values[i]!) },
        { name: 'Expected', colour: colour('expected'), unit, values: idx.map((i) => h.expected[i]!) },
      ],
      notes: idx.map((i) => {
        const type = h.spike_type[i];
        return h.is_anomaly[i] ? (type ? SPIKE_TYPE_LABELS[type] : 'anomaly') : null;
      }),
    },
  };
}
