import type { LinearScale } from './linear-scale.ts';
import { colour } from './palette.ts';
import { escapeXml, px, textWidth } from './svg-text.ts';
import { timeTicks } from './time-ticks.ts';

/** The viewBox of a chart, in SVG user units. */
export interface ChartSize {
  width: number;
  height: number;
}

/** The rectangle the data is drawn in. */
export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Font size of axis labels and legends, in user units. */
export const FONT_SIZE = 12;

/** The plot rectangle inside `size` after the margins. */
export function plotArea(
  size: ChartSize,
  margin: { top: number; right: number; bottom: number; left: number },
): PlotArea {
  return {
    left: margin.left,
    top: margin.top,
    width: size.width - margin.left - margin.right,
    height: size.height - margin.top - margin.bottom,
  };
}

/** Wrap chart markup in a responsive `<svg>` with an accessible label. */
export function svgChart(id: string, size: ChartSize, label: string, body: string): string {
  return (
    `<svg class="chart" id="${escapeXml(id)}-svg" viewBox="0 0 ${size.width} ${size.height}" ` +
    `preserveAspectRatio="xMidYMid meet" role="img" aria-label="${escapeXml(label)}" ` +
    `style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:${FONT_SIZE}px">${body}</svg>`
  );
}

/** A clip path for the plot area, so zoomed data never draws over the axes. */
export function plotClip(id: string, area: PlotArea): string {
  return `<clipPath id="${escapeXml(id)}-clip"><rect x="${px(area.left)}" y="${px(area.top)}" width="${px(area.width)}" height="${px(area.height)}"/></clipPath>`;
}

/**
 * The time axis under `area`: round UTC ticks with vertical grid lines. The group carries the
 * geometry so the page can redraw it for a zoomed domain with the same rule.
 */
export function timeAxis(area: PlotArea, domain: readonly [number, number]): string {
  const [t0, t1] = domain;
  const target = Math.max(2, Math.floor(area.width / 110));
  const x = (t: number) => area.left + ((t - t0) / (t1 - t0 || 1)) * area.width;
  const bottom = area.top + area.height;
  const ticks = timeTicks(t0, t1, target)
    .map((tick) => {
      const at = px(x(tick.t));
      return (
        `<line x1="${at}" x2="${at}" y1="${px(area.top)}" y2="${px(bottom)}" style="stroke:${colour('grid')}"/>` +
        `<text x="${at}" y="${px(bottom + 16)}" text-anchor="middle" style="fill:${colour('muted')}">${escapeXml(tick.label)}</text>`
      );
    })
    .join('');
  return (
    `<g class="x-axis" data-left="${px(area.left)}" data-width="${px(area.width)}" data-top="${px(area.top)}" ` +
    `data-bottom="${px(bottom)}" data-ticks="${target}">${ticks}</g>` +
    `<line x1="${px(area.left)}" x2="${px(area.left + area.width)}" y1="${px(bottom)}" y2="${px(bottom)}" style="stroke:${colour('axis')}"/>`
  );
}

/** Options of {@link valueAxis}. */
export interface ValueAxisOptions {
  /** Which side the labels go; grid lines are drawn for the left axis only. */
  side?: 'left' | 'right';
  /** Axis title, drawn rotated beside the labels: "TFLOPS", "$/h". */
  title?: string;
  /** Colour of labels and title (default muted). */
  tint?: string;
  /** Draw horizontal grid lines (default: for the left axis). */
  grid?: boolean;
}

/** A value axis with labels at `ticks`, mapped through `scale`. */
export function valueAxis(
  area: PlotArea,
  scale: LinearScale,
  ticks: readonly number[],
  format: (value: number) => string,
  options: ValueAxisOptions = {},
): string {
  const side = options.side ?? 'left';
  const grid = options.grid ?? side === 'left';
  const tint = options.tint ?? colour('muted');
  const right = area.left + area.width;
  const parts: string[] = [];
  for (const v of ticks) {
    const y = px(scale(v));
    if (grid) {
      parts.push(
        `<line x1="${px(area.left)}" x2="${px(right)}" y1="${y}" y2="${y}" style="stroke:${colour('grid')}"/>`,
      );
    }
    const x = side === 'left' ? area.left - 8 : right + 8;
    parts.push(
      `<text x="${px(x)}" y="${y}" dy="0.32em" text-anchor="${side === 'left' ? 'end' : 'start'}" style="fill:${tint}">${escapeXml(format(v))}</text>`,
    );
  }
  if (options.title) {
    const x = side === 'left' ? 14 : right + 58;
    const y = area.top + area.height / 2;
    parts.push(
      `<text transform="translate(${px(x)},${px(y)}) rotate(-90)" text-anchor="middle" style="fill:${tint};font-weight:600">${escapeXml(options.title)}</text>`,
    );
  }
  return `<g class="y-axis y-axis-${side}">${parts.join('')}</g>`;
}

/** How a legend entry is drawn. */
export interface LegendItem {
  label: string;
  colour: string;
  /** `line` (solid), `dash` (dashed line), `box` (filled square), `dot` (circle). Default `box`. */
  mark?: 'line' | 'dash' | 'box' | 'dot';
  /** Fill opacity of a box swatch. */
  opacity?: number;
}

/** A one-row legend starting at (x, y), entries laid out left to right; wraps at `maxWidth`. */
export function legend(
  items: readonly LegendItem[],
  x: number,
  y: number,
  maxWidth = Number.POSITIVE_INFINITY,
): string {
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  for (const item of items) {
    const width = 18 + textWidth(item.label, FONT_SIZE) + 16;
    if (cx > x && cx + width - x > maxWidth) {
      cx = x;
      cy += 18;
    }
    const mark = item.mark ?? 'box';
    let swatch: string;
    if (mark === 'line' || mark === 'dash') {
      const dash = mark === 'dash' ? ';stroke-dasharray:4 3' : '';
      swatch = `<line x1="${px(cx)}" x2="${px(cx + 14)}" y1="${px(cy)}" y2="${px(cy)}" style="stroke:${item.colour};stroke-width:2${dash}"/>`;
    } else if (mark === 'dot') {
      swatch = `<circle cx="${px(cx + 7)}" cy="${px(cy)}" r="4" style="fill:${item.colour}"/>`;
    } else {
      swatch = `<rect x="${px(cx + 1)}" y="${px(cy - 6)}" width="12" height="12" rx="2" style="fill:${item.colour};fill-opacity:${item.opacity ?? 1}"/>`;
    }
    parts.push(
      `${swatch}<text x="${px(cx + 18)}" y="${px(cy)}" dy="0.32em" style="fill:${colour('text')}">${escapeXml(item.label)}</text>`,
    );
    cx += width;
  }
  return `<g class="legend">${parts.join('')}</g>`;
}

/** A centred message for a panel with nothing to draw. */
export function emptyNote(size: ChartSize, message: string): string {
  return `<text class="empty" x="${px(size.width / 2)}" y="${px(size.height / 2)}" text-anchor="middle" style="fill:${colour('muted')}">${escapeXml(message)}</text>`;
}
