import type { DashboardData } from '../dashboard-data.ts';
import { horizontalBars } from '../svg/horizontal-bars.ts';
import { colour } from '../svg/palette.ts';
import { formatNumber, formatPercent } from '../svg/value-format.ts';
import { stepOf } from '../views/risk-hours.ts';
import { spikeTypeBreakdown } from '../views/spike-type-breakdown.ts';
import type { Panel } from './panel.ts';
import { SPIKE_TYPE_LABELS } from './spike-type-labels.ts';

/** Anomaly view: how many spike events of each type the history had, and their share. */
export function spikeTypePanel(data: DashboardData): Panel {
  const step = stepOf(data.history.timestamps);
  const shares = spikeTypeBreakdown(data.spike_events, step);
  const id = 'panel-spike-types';
  const title = 'Spike types (events)';
  const bars = shares.map((s) => ({
    label: SPIKE_TYPE_LABELS[s.type],
    value: s.count,
    colour: colour(s.type),
    note: `${s.count} · ${formatPercent(s.share)}`,
    tooltip: `${SPIKE_TYPE_LABELS[s.type]}: ${s.count} events (${formatPercent(s.share)}), ${formatNumber(s.hours)} h in total`,
  }));
  return {
    id,
    title,
    subtitle: `${data.spike_events.length} spike events in the history; share of events per type`,
    wide: false,
    svg: horizontalBars(id, { width: 600, height: 300 }, bars, formatNumber, 'events', title),
    points: data.spike_events.length,
  };
}
