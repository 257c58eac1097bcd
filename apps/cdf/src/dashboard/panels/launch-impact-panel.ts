import { toIsoUtc } from '@cdf/core';
import type { DashboardData } from '../dashboard-data.ts';
import { emptyNote, legend, plotArea, svgChart, valueAxis } from '../svg/chart-frame.ts';
import { linearScale, niceDomain, niceTicks } from '../svg/linear-scale.ts';
import { colour } from '../svg/palette.ts';
import { escapeXml, px } from '../svg/svg-text.ts';
import { formatCompact, formatNumber } from '../svg/value-format.ts';
import { launchImpacts } from '../views/launch-impact.ts';
import type { Panel } from './panel.ts';

/** The most launches the panel shows (the latest ones). */
export const MAX_LAUNCHES = 10;

const PHASES = [
  { key: 'before', label: 'Week before' },
  { key: 'during', label: 'During' },
  { key: 'after', label: 'Week after' },
] as const;

/** Anomaly view: mean demand the week before, during and the week after each feature launch. */
export function launchImpactPanel(data: DashboardData): Panel {
  const unit = data.run.target.unit;
  const id = 'panel-launch-impact';
  const title = `Launch impact (mean ${unit})`;
  const size = { width: 600, height: 300 };
  const all = launchImpacts(data.spike_events, data.history.timestamps, data.history.values);
  const launches = all.slice(-MAX_LAUNCHES);
  if (launches.length === 0) {
    return {
      id,
      title,
      subtitle: 'No feature launches in the history',
      wide: false,
      svg: svgChart(id, size, title, emptyNote(size, 'no feature_launch events')),
      points: 0,
    };
  }
  const area = plotArea(size, { top: 40, right: 16, bottom: 44, left: 64 });
  let top = 0;
  for (const l of launches) top = Math.max(top, l.before ?? 0, l.during ?? 0, l.after ?? 0);
  const [y0, y1] = niceDomain(0, top, 5);
  const y = linearScale([y0, y1], [area.top + area.height, area.top]);
  const group = area.width / launches.length;
  const bar = Math.min(22, (group * 0.8) / 3);
  const bars = launches
    .map((l, i) => {
      const cx = area.left + group * (i + 0.5);
      const rects = PHASES.map((p, k) => {
        const v = l[p.key];
        if (v === null) return '';
        const x = cx + (k - 1.5) * bar;
        return `<rect class="bar" data-value="${v}" x="${px(x)}" y="${px(y(v))}" width="${px(bar - 1)}" height="${px(y(0) - y(v))}" rx="2" style="fill:${colour(p.key)}"><title>${escapeXml(`${l.name}, ${p.label.toLowerCase()}: ${formatNumber(v)} ${unit}`)}</title></rect>`;
      }).join('');
      const lift = l.before && l.during ? ` ×${(l.during / l.before).toFixed(1)}` : '';
      // Under a launch chart "Orion launch" says no more than "Orion".
      const short = l.name.replace(/\s+launch$/i, '');
      const name = short.length > 10 ? `${short.slice(0, 9)}…` : short;
      return (
        rects +
        `<text x="${px(cx)}" y="${px(area.top + area.height + 15)}" text-anchor="middle" style="fill:${colour('text')}">${escapeXml(name)}<title>${escapeXml(`${l.name}: ${toIsoUtc(l.start)} to ${toIsoUtc(l.end)}`)}</title></text>` +
        `<text x="${px(cx)}" y="${px(area.top + area.height + 30)}" text-anchor="middle" style="fill:${colour('muted')}">${escapeXml(lift)}</text>`
      );
    })
    .join('');
  const body =
    valueAxis(area, y, niceTicks(y0, y1, 5), formatCompact, { title: unit }) +
    bars +
    legend(
      PHASES.map((p) => ({ label: p.label, colour: colour(p.key) })),
      area.left,
      16,
      area.width,
    );
  return {
    id,
    title,
    subtitle: `${launches.length} of ${all.length} feature launches; ×n = mean during over mean the week before`,
    wide: false,
    svg: svgChart(id, size, title, body),
    points: launches.length * 3,
  };
}
