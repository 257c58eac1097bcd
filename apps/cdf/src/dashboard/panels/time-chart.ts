import { type ChartSize, type PlotArea, plotArea, plotClip, svgChart, timeAxis } from '../svg/chart-frame.ts';
import { type LinearScale, linearScale } from '../svg/linear-scale.ts';
import { escapeXml, px } from '../svg/svg-text.ts';

/** The layout of a chart with a time axis: its size, plot area and x scale. */
export interface TimeChartLayout {
  id: string;
  size: ChartSize;
  area: PlotArea;
  domain: [number, number];
  x: LinearScale;
}

/** Margins of time charts: room for a legend on top, value axes left and right. */
export const TIME_MARGIN = { top: 40, right: 72, bottom: 28, left: 64 };

/** Lay out a time chart of `size` over `domain`. */
export function timeChartLayout(id: string, size: ChartSize, domain: [number, number]): TimeChartLayout {
  const area = plotArea(size, TIME_MARGIN);
  return { id, size, area, domain, x: linearScale(domain, [area.left, area.left + area.width]) };
}

/** The parts of a time chart: what is drawn under the data, the data, and on top. */
export interface TimeChartParts {
  /** Axes and grid (drawn first). */
  axes: string;
  /** Data drawn in plot coordinates; the page stretches this group horizontally to zoom. */
  data: string;
  /** Time-anchored labels outside the clip: elements with `data-t` the page moves when zooming. */
  pins?: string;
  /** Legend and other fixed overlays. */
  overlay?: string;
  /** Accessible label. */
  label: string;
}

/**
 * Assemble a time chart: axes, the time axis, the clipped zoomable data group, pins, overlay,
 * and a transparent hit area the page listens on for the crosshair and drag-to-zoom.
 */
export function timeChart(layout: TimeChartLayout, parts: TimeChartParts): string {
  const { id, area } = layout;
  const hit =
    `<rect class="hit" x="${px(area.left)}" y="${px(area.top)}" width="${px(area.width)}" height="${px(area.height)}" ` +
    `style="fill:transparent;pointer-events:all"/>`;
  const body =
    `<defs>${plotClip(id, area)}</defs>` +
    parts.axes +
    timeAxis(area, layout.domain) +
    `<g clip-path="url(#${escapeXml(id)}-clip)"><g class="zoom">${parts.data}</g></g>` +
    `<g class="pins">${parts.pins ?? ''}</g>` +
    (parts.overlay ?? '') +
    `<g class="cursor"></g>${hit}`;
  return svgChart(id, layout.size, parts.label, body);
}
