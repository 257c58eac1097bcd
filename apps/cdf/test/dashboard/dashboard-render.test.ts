/**
 * renderDashboard on the two-year synthetic fixture (see fixtures/dashboard/README.md): every
 * panel present, a valid JSON payload, nothing online, hostile strings escaped, the history
 * downsampled with its extremes kept, and the same bytes for the same input.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CdfError } from '@cdf/core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { expandInstants } from '../../src/dashboard/client/compact-time-panel.ts';
import type { DashboardPayload } from '../../src/dashboard/client/dashboard-payload.ts';
import type { DashboardDataInput } from '../../src/dashboard/dashboard-data.ts';
import { PANEL_IDS } from '../../src/dashboard/dashboard-panels.ts';
import { PAYLOAD_ELEMENT_ID, renderDashboard } from '../../src/dashboard/render-dashboard.ts';
import { renderDashboardImages } from '../../src/dashboard/render-dashboard-images.ts';
import { buildDashboardFixture } from './dashboard-fixture.ts';

const HOSTILE = '</script><script>alert(1)</script>';
const fixture = buildDashboardFixture({ seed: 7 });
const html = renderDashboard(fixture);

function payloadOf(page: string): DashboardPayload {
  const open = `<script type="application/json" id="${PAYLOAD_ELEMENT_ID}">`;
  const start = page.indexOf(open) + open.length;
  return JSON.parse(page.slice(start, page.indexOf('</script>', start))) as DashboardPayload;
}

describe('renderDashboard', () => {
  it('has every panel, each with drawn data', () => {
    for (const id of PANEL_IDS) {
      const match = new RegExp(`<section class="panel[^"]*" id="${id}" data-points="(\\d+)"`).exec(html);
      expect(match, id).not.toBeNull();
      expect(Number(match![1]), id).toBeGreaterThan(0);
      expect(html).toContain(`id="${id}-svg"`);
    }
    for (const kpi of [
      'kpi-peak-p95',
      'kpi-peak-gpus',
      'kpi-monthly-cost',
      'kpi-premium',
      'kpi-next-launch',
    ]) {
      expect(html).toContain(`id="${kpi}"`);
    }
  });

  it('carries a valid JSON payload whose numbers match the input', () => {
    const payload = payloadOf(html);
    expect(payload.version).toBe(1);
    const scenarios = fixture.scenarios as { timestamp: number; p95: number }[];
    const peak = Math.max(...scenarios.map((r) => r.p95));
    expect(payload.keyFigures.peakP95.value).toBe(peak);
    expect(payload.historySteps.input).toBe(17_520);
    const panel = payload.timePanels['panel-scenarios']!;
    const t = expandInstants(panel.t);
    expect(t[t.length - 1]).toBe(scenarios[scenarios.length - 1]!.timestamp);
    const p95 = panel.series.find((s) => s.name === 'P95')!.values;
    expect(p95[p95.length - 1]).toBeCloseTo(scenarios[scenarios.length - 1]!.p95, -1);
  });

  it('contains no URL at all: nothing to fetch offline', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<link\b|@import|url\((?!#)/i);
    expect(html).not.toMatch(/<script[^>]+src=/i);
  });

  it('keeps the downsampled history within 5,000 points with its minimum and maximum', () => {
    const payload = payloadOf(html);
    const history = payload.timePanels['panel-history']!;
    const values = history.series.find((s) => s.name === 'Demand')!.values as number[];
    expect(values.length).toBeLessThanOrEqual(5_100);
    expect(values.length).toBeGreaterThan(2_500);
    const input = (fixture.history as { values: number[] }).values;
    expect(Math.max(...values)).toBeCloseTo(Math.max(...input), -1);
    expect(Math.min(...values)).toBeCloseTo(Math.min(...input), 1);
    expect(payload.historySteps.drawn).toBe(values.length);
  });

  it('escapes hostile names everywhere', () => {
    const hostile: DashboardDataInput = {
      ...fixture,
      run: { ...fixture.run, title: HOSTILE, series_id: HOSTILE, target: { name: 'x', unit: '<b>u</b>' } },
      planned_events: [
        ...(fixture.planned_events ?? []),
        {
          start: fixture.scenarios[10]!.timestamp,
          name: HOSTILE,
          expected_multiplier: 2,
          expected_duration_hours: 24,
        },
      ],
    };
    const page = renderDashboard(hostile);
    // The only <script> elements are the payload and the runtime.
    expect(page.match(/<script/gi)).toHaveLength(2);
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<b>u</b>');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const payload = payloadOf(page);
    expect((payload.run as { series_id: string }).series_id).toBe(HOSTILE);
    expect(JSON.stringify(payload.plannedEvents)).toContain('alert(1)');
  });

  it('is deterministic', () => {
    expect(renderDashboard(fixture)).toBe(html);
  });

  it('rejects bad input with a one-line schema error', () => {
    const bad = { ...fixture, history: { ...fixture.history, values: [-1] } };
    expect(() => renderDashboard(bad)).toThrowError(CdfError);
    try {
      renderDashboard(bad);
    } catch (error) {
      expect((error as CdfError).code).toBe('SCHEMA_MISMATCH');
      expect((error as CdfError).toLine()).toMatch(/invalid dashboard data: history/);
    }
  });

  it('stays reasonably small for two years of hourly history', () => {
    expect(html.length).toBeLessThan(700_000);
  });
});

describe('renderDashboardImages', () => {
  it('writes one standalone SVG per panel, colours resolved, no script', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdf-dashboard-svg-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const paths = await renderDashboardImages(fixture, { format: 'svg', outDir: dir });
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(PANEL_IDS.map((id) => `${id}.svg`));
    for (const path of paths) {
      const svg = readFileSync(path, 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).not.toContain('var(--');
      expect(svg).not.toContain('<script');
      expect((svg.match(/<(path|rect|circle|line)\b/g) ?? []).length).toBeGreaterThanOrEqual(8);
    }
  });
});
