import type { KeyFigures } from '../views/key-figures.ts';
import type { CompactTimePanel } from './compact-time-panel.ts';

/**
 * The JSON the page carries in `<script type="application/json" id="cdf-dashboard-data">`:
 * the run, the header numbers, the tooltip and zoom model of every time panel, and the small
 * tables (spike events, planned events, tiers) so tools can read the page's numbers back.
 */
export interface DashboardPayload {
  /** Format version of this payload. */
  version: 1;
  run: Record<string, unknown>;
  keyFigures: KeyFigures;
  /** Time panels by element id. */
  timePanels: Record<string, CompactTimePanel>;
  spikeEvents: unknown[];
  plannedEvents: unknown[];
  tiers: unknown[];
  /** History steps in the input and drawn (after downsampling). */
  historySteps: { input: number; drawn: number };
}

/** The pure helpers the page script receives (the same functions the server draws with). */
export interface RuntimeKit {
  timeTicks: (start: number, end: number, target: number) => { t: number; label: string }[];
  formatNumber: (value: number) => string;
}
