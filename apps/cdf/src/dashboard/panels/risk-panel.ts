import type { DashboardData } from '../dashboard-data.ts';
import { horizontalBars } from '../svg/horizontal-bars.ts';
import { colour } from '../svg/palette.ts';
import { formatNumber, formatPercent } from '../svg/value-format.ts';
import { riskHours, stepOf } from '../views/risk-hours.ts';
import type { Panel } from './panel.ts';

/** Panel 6: hours of the horizon at each risk level (low, medium, high, critical). */
export function riskPanel(data: DashboardData): Panel {
  const step = stepOf(data.requirements.map((r) => r.timestamp));
  const levels = riskHours(data.requirements, step);
  const id = 'panel-risk';
  const title = 'Risk level distribution (hours)';
  const bars = levels.map((l) => ({
    label: l.level[0]!.toUpperCase() + l.level.slice(1),
    value: l.hours,
    colour: colour(l.level),
    note: `${formatNumber(l.hours)} h · ${formatPercent(l.share)}`,
  }));
  const risky = levels
    .filter((l) => l.level === 'high' || l.level === 'critical')
    .reduce((s, l) => s + l.hours, 0);
  return {
    id,
    title,
    subtitle: `${formatNumber(risky)} h at high or critical risk over a ${formatNumber((data.requirements.length * step) / 3_600_000)} h horizon`,
    wide: false,
    svg: horizontalBars(id, { width: 600, height: 300 }, bars, formatNumber, 'hours', title),
    points: data.requirements.length,
  };
}
