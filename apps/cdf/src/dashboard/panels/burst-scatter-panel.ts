import { SPIKE_TYPES, toIsoUtc } from '@cdf/core';
import type { DashboardData } from '../dashboard-data.ts';
import { emptyNote, legend, plotArea, svgChart, valueAxis } from '../svg/chart-frame.ts';
import { linearScale, niceDomain, niceTicks } from '../svg/linear-scale.ts';
import { colour } from '../svg/palette.ts';
import { escapeXml, px } from '../svg/svg-text.ts';
import { formatNumber } from '../svg/value-format.ts';
import { stepOf } from '../views/risk-hours.ts';
import { burstPoints } from '../views/spike-type-breakdown.ts';
import type { Panel } from './panel.ts';
import { SPIKE_TYPE_LABELS } from './spike-type-labels.ts';

/** Anomaly view: how long each spike lasted (log hours) against how high it went (x expected). */
export function burstScatterPanel(data: DashboardData): Panel {
  const id = 'panel-burst-scatter';
  const title = 'Burst duration vs intensity';
  const size = { width: 600, height: 300 };
  const points = burstPoints(data.spike_events, stepOf(data.history.timestamps));
  if (points.length === 0) {
    return {
      id,
      title,
      subtitle: 'No spike events',
      wide: false,
      svg: svgChart(id, size, title, emptyNote(size, 'no spike events')),
      points: 0,
    };
  }
  const area = plotArea(size, { top: 40, right: 20, bottom: 40, left: 64 });
  // Durations span hours (abuse) to weeks (growth): a log axis keeps both readable.
  const lo = Math.floor(Math.log10(Math.min(...points.map((p) => p.duration_hours))));
  const hi = Math.ceil(Math.log10(Math.max(...points.map((p) => p.duration_hours))) + 1e-9);
  const lx = linearScale([lo, Math.max(hi, lo + 1)], [area.left, area.left + area.width]);
  const x = (hours: number) => lx(Math.log10(hours));
  const [m0, m1] = niceDomain(0, Math.max(...points.map((p) => p.magnitude)), 5);
  const y = linearScale([m0, m1], [area.top + area.height, area.top]);
  const xTicks: string[] = [];
  for (let e = lo; e <= Math.max(hi, lo + 1); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (Math.log10(v) > Math.max(hi, lo + 1) + 1e-9) continue;
      const at = px(x(v));
      xTicks.push(
        `<line x1="${at}" x2="${at}" y1="${px(area.top)}" y2="${px(area.top + area.height)}" style="stroke:${colour('grid')}"/>` +
          `<text x="${at}" y="${px(area.top + area.height + 16)}" text-anchor="middle" style="fill:${colour('muted')}">${formatNumber(v)}</text>`,
      );
    }
  }
  const dots = points
    .map(
      (p) =>
        `<circle class="dot" cx="${px(x(p.duration_hours))}" cy="${px(y(p.magnitude))}" r="5" style="fill:${colour(p.type)};fill-opacity:0.75;stroke:${colour('panel')};stroke-width:1">` +
        `<title>${escapeXml(`${SPIKE_TYPE_LABELS[p.type]}${p.name ? ` ${p.name}` : ''}: ${formatNumber(p.duration_hours)} h, ×${p.magnitude.toFixed(2)} at ${toIsoUtc(p.start)}`)}</title></circle>`,
    )
    .join('');
  const body =
    xTicks.join('') +
    valueAxis(area, y, niceTicks(m0, m1, 5), (v) => `×${formatNumber(v)}`, { title: 'peak / expected' }) +
    `<text x="${px(area.left + area.width / 2)}" y="${px(size.height - 4)}" text-anchor="middle" style="fill:${colour('muted')};font-weight:600">duration (hours, log scale)</text>` +
    dots +
    legend(
      SPIKE_TYPES.map((t) => ({ label: SPIKE_TYPE_LABELS[t], colour: colour(t), mark: 'dot' as const })),
      area.left,
      16,
      area.width,
    );
  return {
    id,
    title,
    subtitle: `${points.length} spike events: duration in hours (log) against magnitude (peak over expected)`,
    wide: false,
    svg: svgChart(id, size, title, body),
    points: points.length,
  };
}
