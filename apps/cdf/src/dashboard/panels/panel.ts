import type { ChartSize, PlotArea } from '../svg/chart-frame.ts';

/** One series a time panel's tooltip lists. */
export interface TooltipSeries {
  name: string;
  /** CSS colour (a palette variable). */
  colour: string;
  /** Unit shown after the value: `TFLOPS`, `GPUs`, `%`, `$/h`. */
  unit: string;
  /** One value per entry of the panel's `t`; null where the series has none. */
  values: (number | null)[];
  /** Multiply values by this before showing them (100 for shares shown in %). Default 1. */
  scale?: number;
}

/** What the page needs to zoom a time panel and to show its tooltip. */
export interface TimePanelModel {
  /** Panels of one group zoom and move their crosshair together. */
  group: 'history' | 'forecast';
  /** The full time domain drawn (epoch ms); double-click returns to it. */
  domain: [number, number];
  size: ChartSize;
  area: PlotArea;
  /** Instants the tooltip can snap to, increasing. */
  t: number[];
  series: TooltipSeries[];
  /** A note per instant (spike type, risk level), or null. */
  notes?: (string | null)[];
}

/** One dashboard panel: its chart and what the page says around it. */
export interface Panel {
  /** Element id, `panel-history` etc. Stable: tests and links use it. */
  id: string;
  title: string;
  /** One line under the title: what is shown, in which unit. */
  subtitle: string;
  /** Spans the full width of the grid. */
  wide: boolean;
  /** The chart. */
  svg: string;
  /** Data points drawn (for the page's `data-points` and the tests); 0 for an empty panel. */
  points: number;
  /** Present for panels with a time axis. */
  time?: TimePanelModel;
}
