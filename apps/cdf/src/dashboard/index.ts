/**
 * The dashboard: one self-contained, offline `dashboard.html` and per-panel images from one
 * {@link DashboardData} value.
 */
export {
  type DashboardData,
  type DashboardDataInput,
  DashboardDataSchema,
  type DashboardHistory,
  type DashboardRun,
  type DashboardTier,
  DashboardTierSchema,
  parseDashboardData,
} from './dashboard-data.ts';
export { buildPanels, PANEL_IDS, type PanelId } from './dashboard-panels.ts';
export { dashboardTiers } from './dashboard-tiers.ts';
export type { Panel } from './panels/panel.ts';
export { PAYLOAD_ELEMENT_ID, renderDashboard } from './render-dashboard.ts';
export {
  type DashboardImageOptions,
  renderDashboardImages,
  standalonePanelSvg,
} from './render-dashboard-images.ts';
export { downsampleMinMax, MAX_HISTORY_POINTS } from './views/downsample-min-max.ts';
