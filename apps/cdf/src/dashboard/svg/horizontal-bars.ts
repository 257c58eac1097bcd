import { type ChartSize, emptyNote, plotArea, svgChart } from './chart-frame.ts';
import { linearScale, niceDomain, niceTicks } from './linear-scale.ts';
import { colour } from './palette.ts';
import { escapeXml, px } from './svg-text.ts';

/** One bar of a {@link horizontalBars} chart. */
export interface Bar {
  label: string;
  value: number;
  colour: string;
  /** Text at the end of the bar: "412 h · 57%". */
  note: string;
  /** Native tooltip. */
  tooltip?: string;
}

/**
 * Horizontal bars, one row per entry, labels on the left and a note at each bar's end; a value
 * axis at the bottom titled `unit`. Bars carry `data-value` for tests and tooling.
 */
export function horizontalBars(
  id: string,
  size: ChartSize,
  bars: readonly Bar[],
  format: (value: number) => string,
  unit: string,
  label: string,
): string {
  const area = plotArea(size, { top: 16, right: 120, bottom: 40, left: 128 });
  const max = bars.reduce((m, b) => Math.max(m, b.value), 0);
  if (bars.length === 0) return svgChart(id, size, label, emptyNote(size, 'nothing to show'));
  const [, hi] = niceDomain(0, max > 0 ? max : 1, 4);
  const x = linearScale([0, hi], [area.left, area.left + area.width]);
  const band = area.height / bars.length;
  const thickness = Math.min(28, band * 0.62);
  const ticks = niceTicks(0, hi, 4);
  const grid = ticks
    .map(
      (v) =>
        `<line x1="${px(x(v))}" x2="${px(x(v))}" y1="${px(area.top)}" y2="${px(area.top + area.height)}" style="stroke:${colour('grid')}"/>` +
        `<text x="${px(x(v))}" y="${px(area.top + area.height + 16)}" text-anchor="middle" style="fill:${colour('muted')}">${escapeXml(format(v))}</text>`,
    )
    .join('');
  const rows = bars
    .map((b, i) => {
      const cy = area.top + band * (i + 0.5);
      const w = Math.max(b.value > 0 ? 2 : 0, x(b.value) - x(0));
      return (
        `<text x="${px(area.left - 10)}" y="${px(cy)}" dy="0.32em" text-anchor="end" style="fill:${colour('text')}">${escapeXml(b.label)}</text>` +
        `<rect class="bar" data-value="${b.value}" x="${px(x(0))}" y="${px(cy - thickness / 2)}" width="${px(w)}" height="${px(thickness)}" rx="3" style="fill:${b.colour}">` +
        `<title>${escapeXml(b.tooltip ?? `${b.label}: ${b.note}`)}</title></rect>` +
        `<text x="${px(x(0) + w + 8)}" y="${px(cy)}" dy="0.32em" style="fill:${colour('muted')};font-variant-numeric:tabular-nums">${escapeXml(b.note)}</text>`
      );
    })
    .join('');
  const title = `<text x="${px(area.left + area.width / 2)}" y="${px(size.height - 6)}" text-anchor="middle" style="fill:${colour('muted')};font-weight:600">${escapeXml(unit)}</text>`;
  return svgChart(id, size, label, grid + rows + title);
}
