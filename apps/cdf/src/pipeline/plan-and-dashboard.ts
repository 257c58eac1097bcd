import { basename, join } from 'node:path';
import type { CapacityPlan } from '@cdf/capacity';
import { CdfError, CdfErrorCode, type PlannedEvent, type ScenarioFrame, type SpikeEvent } from '@cdf/core';
import { writeTextFile } from '@cdf/data';
import { PLAN_FILES, planFiles } from '../commands/plan.ts';
import { renderDashboard } from '../dashboard/render-dashboard.ts';
import { renderDashboardImages } from '../dashboard/render-dashboard-images.ts';
import { type DashboardHistoryColumns, dashboardInput } from './dashboard-input.ts';
import type { DashboardImageFormat } from './images-flag.ts';
import type { ResolvedPipeline } from './resolved-pipeline.ts';

/** The name of the dashboard file in a run folder. */
export const DASHBOARD_FILE = 'dashboard.html';

/** What the plan, the report and the dashboard of a run are made from. */
export interface PlanSource {
  /** Every series' scenario rows (with `series_id` in fleets). */
  scenarios: ScenarioFrame;
  /** The history of each series as the detector saw it, by series id (`default` for one series). */
  histories: ReadonlyMap<string, DashboardHistoryColumns>;
  /** Spike events found in the history (with `series_id` in fleets). */
  events: readonly SpikeEvent[];
  plannedEvents: readonly PlannedEvent[];
  capacity: ResolvedPipeline['capacity'];
  target: string;
  generatedAt: number;
  fleet: boolean;
  /** Also write each dashboard panel as a file in `<out>/images/` (`--images`). */
  images?: DashboardImageFormat;
}

/** What {@link writePlanAndDashboard} wrote. */
export interface PlanOutputs {
  plan: CapacityPlan;
  files: string[];
  dashboard: string;
  /** The series the dashboard shows. */
  dashboardSeries: string;
}

/** Run the capacity stage on a scenario frame and check it returned a plan. */
export async function planWith(
  capacity: ResolvedPipeline['capacity'],
  scenarios: ScenarioFrame,
  plannedEvents: readonly PlannedEvent[],
): Promise<CapacityPlan> {
  const fitted = await capacity.plugin.create(capacity.params).fit({ scenarios, plannedEvents });
  const plan = (fitted as { plan?: CapacityPlan }).plan;
  if (
    plan === undefined ||
    !Array.isArray(plan.requirements) ||
    plan.requirements.length !== scenarios.length
  ) {
    throw new CdfError(CdfErrorCode.PluginNotFound, `"${capacity.use}" did not return a capacity plan`, {
      column: 'capacity.use',
      value: capacity.use,
      expected:
        'fit() resolving to { plan } with one requirement per scenario row (as @cdf/capacity#planner)',
    });
  }
  return plan;
}

/**
 * Plan capacity over every series, write the plan files (`requirements.csv`,
 * `recommendations.md`/`.json`, `scaling-policy.json`, `hpa.yaml`) and `dashboard.html`. The
 * dashboard shows one series: the only one, or in a fleet the one with the highest mean
 * expected demand, planned on its own so its tiers are its own.
 */
export async function writePlanAndDashboard(out: string, source: PlanSource): Promise<PlanOutputs> {
  const plan = await planWith(source.capacity, source.scenarios, source.plannedEvents);
  const texts = planFiles(plan);
  const files: string[] = [];
  for (const name of PLAN_FILES) {
    await writeTextFile(join(out, name), texts[name]);
    files.push(name);
  }

  const ids = [...new Set(source.scenarios.map((r) => r.series_id ?? 'default'))];
  let shown = ids[0] ?? 'default';
  if (source.fleet) {
    let best = -1;
    for (const id of ids) {
      const rows = source.scenarios.filter((r) => (r.series_id ?? 'default') === id);
      const mean = rows.reduce((a, r) => a + r.expected_value, 0) / Math.max(1, rows.length);
      if (mean > best) [best, shown] = [mean, id];
    }
  }
  const rows = source.fleet ? source.scenarios.filter((r) => r.series_id === shown) : source.scenarios;
  const seriesPlan = source.fleet ? await planWith(source.capacity, rows, source.plannedEvents) : plan;
  const history = source.histories.get(shown);
  if (history === undefined) {
    throw new CdfError(CdfErrorCode.MissingColumn, `no history for series "${shown}" to draw`, {
      column: 'series_id',
      value: shown,
    });
  }
  const input = dashboardInput({
    seriesId: shown,
    target: source.target,
    generatedAt: source.generatedAt,
    history,
    events: source.events
      .filter((e) => !source.fleet || e.series_id === shown)
      .map(({ series_id: _s, ...e }) => e),
    scenarios: rows,
    plan: seriesPlan,
    plannedEvents: source.plannedEvents,
  });
  await writeTextFile(join(out, DASHBOARD_FILE), renderDashboard(input));
  files.push(DASHBOARD_FILE);
  if (source.images !== undefined) {
    const written = await renderDashboardImages(input, {
      format: source.images,
      outDir: join(out, 'images'),
    });
    files.push(...written.map((path) => `images/${basename(path)}`));
  }
  return { plan, files, dashboard: join(out, DASHBOARD_FILE), dashboardSeries: shown };
}
