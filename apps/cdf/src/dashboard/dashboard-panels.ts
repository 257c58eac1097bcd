import type { DashboardData } from './dashboard-data.ts';
import { burstScatterPanel } from './panels/burst-scatter-panel.ts';
import { decompositionPanel } from './panels/decomposition-panel.ts';
import { gpuTierPanel } from './panels/gpu-tier-panel.ts';
import { historyPanel } from './panels/history-panel.ts';
import { launchImpactPanel } from './panels/launch-impact-panel.ts';
import type { Panel } from './panels/panel.ts';
import { riskPanel } from './panels/risk-panel.ts';
import { scenarioPanel } from './panels/scenario-panel.ts';
import { spikeProbabilityPanel } from './panels/spike-probability-panel.ts';
import { spikeTypePanel } from './panels/spike-type-panel.ts';
import { utilizationPanel } from './panels/utilization-panel.ts';

/** The panel ids in page order: the six plan panels, then the four anomaly views. */
export const PANEL_IDS = [
  'panel-history',
  'panel-scenarios',
  'panel-spike-probability',
  'panel-gpu-tiers',
  'panel-utilization',
  'panel-risk',
  'panel-spike-types',
  'panel-launch-impact',
  'panel-burst-scatter',
  'panel-decomposition',
] as const;
/** A panel id. */
export type PanelId = (typeof PANEL_IDS)[number];

/** The two sections of the page and the panels in each. */
export interface PanelSections {
  plan: Panel[];
  anomalies: Panel[];
}

/** Build every panel of the dashboard from parsed data, in {@link PANEL_IDS} order. */
export function buildPanels(data: DashboardData): PanelSections {
  return {
    plan: [
      historyPanel(data),
      scenarioPanel(data),
      spikeProbabilityPanel(data),
      gpuTierPanel(data),
      utilizationPanel(data),
      riskPanel(data),
    ],
    anomalies: [
      spikeTypePanel(data),
      launchImpactPanel(data),
      burstScatterPanel(data),
      decompositionPanel(data),
    ],
  };
}
