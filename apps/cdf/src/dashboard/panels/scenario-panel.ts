import { DAY_MS, plannedEventEnd, toIsoUtc } from '@cdf/core';
import type { DashboardData } from '../dashboard-data.ts';
import { legend, valueAxis } from '../svg/chart-frame.ts';
import { linearScale, niceDomain, niceTicks } from '../svg/linear-scale.ts';
import { colour } from '../svg/palette.ts';
import { bandPath, linePath } from '../svg/svg-path.ts';
import { escapeXml, px } from '../svg/svg-text.ts';
import { formatCompact, formatNumber } from '../svg/value-format.ts';
import { stepOf } from '../views/risk-hours.ts';
import type { Panel } from './panel.ts';
import { timeChart, timeChartLayout } from './time-chart.ts';

/** Days of history drawn before the forecast for context (at most twice the horizon). */
export const CONTEXT_DAYS = 14;

const BANDS = [
  { lo: 'p50', hi: 'p75', opacity: 0.42, label: 'P50–P75' },
  { lo: 'p75', hi: 'p90', opacity: 0.28, label: 'P75–P90' },
  { lo: 'p90', hi: 'p95', opacity: 0.18, label: 'P90–P95' },
  { lo: 'p95', hi: 'p99', opacity: 0.1, label: 'P95–P99' },
] as const;

/**
 * Panel 2: the forecast scenarios as nested P50..P99 bands with the baseline and expected
 * lines, the last days of history for context, and planned launches as labelled bands.
 */
export function scenarioPanel(data: DashboardData): Panel {
  const rows = data.scenarios;
  const unit = data.run.target.unit;
  const id = 'panel-scenarios';
  const title = `Forecast scenarios (${unit})`;
  const step = stepOf(rows.map((r) => r.timestamp));
  const start = rows[0]!.timestamp;
  const end = rows[rows.length - 1]!.timestamp + step;
  const contextMs = Math.min(CONTEXT_DAYS * DAY_MS, 2 * (end - start));
  const h = data.history;
  const ctx: number[] = [];
  for (let i = 0; i < h.timestamps.length; i++) {
    const ts = h.timestamps[i]!;
    if (ts >= start - contextMs && ts < start) ctx.push(i);
  }
  const domain: [number, number] = [ctx.length > 0 ? h.timestamps[ctx[0]!]! : start, end];
  const layout = timeChartLayout(id, { width: 1200, height: 360 }, domain);
  const { area, x } = layout;
  let top = 0;
  for (const r of rows) top = Math.max(top, r.p99, r.expected_value, r.baseline);
  for (const i of ctx) top = Math.max(top, h.values[i]!);
  const [y0, y1] = niceDomain(0, top, 5);
  const y = linearScale([y0, y1], [area.top + area.height, area.top]);
  const xs = rows.map((r) => x(r.timestamp));

  const bands = BANDS.map(
    (b) =>
      `<path d="${bandPath(
        xs,
        rows.map((r) => y(r[b.lo])),
        rows.map((r) => y(r[b.hi])),
      )}" style="fill:${colour('band')};fill-opacity:${b.opacity};stroke:none"/>`,
  ).join('');
  const line = (values: number[], style: string) =>
    `<path d="${linePath(xs, values)}" style="fill:none;${style}"/>`;
  const lines =
    line(
      rows.map((r) => y(r.p50)),
      `stroke:${colour('band')};stroke-width:1;stroke-opacity:0.7`,
    ) +
    line(
      rows.map((r) => y(r.baseline)),
      `stroke:${colour('baseline')};stroke-width:1.6;stroke-dasharray:6 4`,
    ) +
    line(
      rows.map((r) => y(r.expected_value)),
      `stroke:${colour('actual')};stroke-width:2`,
    );
  const context =
    ctx.length > 0
      ? `<path d="${linePath(
          ctx.map((i) => x(h.timestamps[i]!)),
          ctx.map((i) => y(h.values[i]!)),
        )}" style="fill:none;stroke:${colour('text')};stroke-width:1.1;stroke-opacity:0.75"/>`
      : '';
  const divider = `<line x1="${px(x(start))}" x2="${px(x(start))}" y1="${px(area.top)}" y2="${px(area.top + area.height)}" style="stroke:${colour('muted')};stroke-dasharray:2 3"/>`;

  const launches = data.planned_events.filter((e) => e.start < domain[1] && plannedEventEnd(e) > domain[0]);
  const launchBands = launches
    .map((e) => {
      const a = x(Math.max(e.start, domain[0]));
      const b = x(Math.min(plannedEventEnd(e), domain[1]));
      return (
        `<rect x="${px(a)}" y="${px(area.top)}" width="${px(Math.max(1, b - a))}" height="${px(area.height)}" style="fill:${colour('launch')};fill-opacity:0.1"/>` +
        `<line x1="${px(x(e.start))}" x2="${px(x(e.start))}" y1="${px(area.top)}" y2="${px(area.top + area.height)}" style="stroke:${colour('launch')};stroke-width:1.5"/>`
      );
    })
    .join('');
  const pins =
    launches
      .map(
        (e) =>
          `<text class="pin" data-t="${Math.max(e.start, domain[0])}" x="${px(x(Math.max(e.start, domain[0])) + 4)}" y="${px(area.top + 14)}" style="fill:${colour('launch')};font-weight:600">` +
          `${escapeXml(`▲ ${e.name} ×${formatNumber(e.expected_multiplier)}`)}<title>${escapeXml(`${e.name}: starts ${toIsoUtc(e.start)}, ${e.expected_duration_hours} h, ×${e.expected_multiplier}`)}</title></text>`,
      )
      .join('') +
    `<text class="pin" data-t="${start}" x="${px(x(start) + 4)}" y="${px(area.top + area.height - 6)}" style="fill:${colour('muted')}">forecast →</text>`;

  const items = [
    ...(ctx.length > 0 ? [{ label: 'Observed', colour: colour('text'), mark: 'line' as const }] : []),
    { label: 'Expected', colour: colour('actual'), mark: 'line' as const },
    { label: 'Baseline', colour: colour('baseline'), mark: 'dash' as const },
    ...BANDS.map((b) => ({ label: b.label, colour: colour('band'), opacity: b.opacity + 0.08 })),
    ...(launches.length > 0 ? [{ label: 'Planned launch', colour: colour('launch'), opacity: 0.35 }] : []),
  ];
  const t = [...ctx.map((i) => h.timestamps[i]!), ...rows.map((r) => r.timestamp)];
  const pad = (values: number[]) => [...ctx.map(() => null), ...values];
  const svg = timeChart(layout, {
    label: `${title}: ${rows.length} forecast steps`,
    axes: valueAxis(area, y, niceTicks(y0, y1, 5), formatCompact, { title: unit }),
    data: launchBands + bands + context + lines + divider,
    pins,
    overlay: legend(items, area.left, 16, area.width),
  });
  return {
    id,
    title,
    subtitle: `${rows.length} steps from ${toIsoUtc(start)}; nested bands P50 to P99, ${launches.length} planned launch${launches.length === 1 ? '' : 'es'} in view`,
    wide: true,
    svg,
    points: rows.length + ctx.length,
    time: {
      group: 'forecast',
      domain,
      size: layout.size,
      area,
      t,
      series: [
        {
          name: 'Observed',
          colour: colour('text'),
          unit,
          values: [...ctx.map((i) => h.values[i]!), ...rows.map(() => null)],
        },
        { name: 'P99', colour: colour('band'), unit, values: pad(rows.map((r) => r.p99)) },
        { name: 'P95', colour: colour('band'), unit, values: pad(rows.map((r) => r.p95)) },
        { name: 'P50', colour: colour('band'), unit, values: pad(rows.map((r) => r.p50)) },
        { name: 'Expected', colour: colour('actual'), unit, values: pad(rows.map((r) => r.expected_value)) },
        { name: 'Baseline', colour: colour('baseline'), unit, values: pad(rows.map((r) => r.baseline)) },
      ],
    },
  };
}
