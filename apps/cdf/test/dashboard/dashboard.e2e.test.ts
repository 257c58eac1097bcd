/**
 * Opens a generated dashboard in headless Chromium (Debian's, driven by playwright-core) and
 * checks that every panel drew its data, that the page logs no error and requests nothing, that
 * tooltips and drag-to-zoom work; saves screenshots to CDF_DASHBOARD_OUT or a temp folder.
 * Under CI=true a missing Chromium fails the test; locally it is skipped with a message.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PANEL_IDS } from '../../src/dashboard/dashboard-panels.ts';
import { renderDashboard } from '../../src/dashboard/render-dashboard.ts';
import { hasChromium, type LaunchedChromium, launchChromium } from './chromium.ts';
import { buildDashboardFixture } from './dashboard-fixture.ts';

const ci = process.env.CI === 'true';
const available = hasChromium();
if (!available && !ci) {
  console.warn(
    'dashboard e2e skipped: /usr/bin/chromium not found (apt-get install -y chromium, or set CDF_CHROMIUM)',
  );
}
const OUT = process.env.CDF_DASHBOARD_OUT ?? join(tmpdir(), 'cdf-dashboard-e2e');

describe.skipIf(!available && !ci)('dashboard in a real browser', () => {
  let browser: LaunchedChromium | undefined;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];
  let htmlPath: string;

  beforeAll(async () => {
    if (!available)
      throw new Error(
        'CI=true but Chromium is missing at /usr/bin/chromium: run tooling/scripts/ci-system-deps.sh',
      );
    mkdirSync(OUT, { recursive: true });
    const html = renderDashboard(buildDashboardFixture({ seed: 7 }));
    htmlPath = join(OUT, 'dashboard.html');
    writeFileSync(htmlPath, html);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(`file://${htmlPath}`);
    await page.waitForSelector('html[data-dashboard-ready="true"]', { timeout: 20_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws every panel with data, logs no error and requests nothing', async () => {
    for (const id of PANEL_IDS) {
      const panel = page.locator(`#${id}`);
      const points = Number(await panel.getAttribute('data-points'));
      const drawn = Number(await panel.getAttribute('data-drawn'));
      const box = await panel.locator('svg.chart').boundingBox();
      expect(points, `${id} data-points`).toBeGreaterThan(0);
      expect(drawn, `${id} drawn elements`).toBeGreaterThan(10);
      expect(box?.width ?? 0, `${id} width`).toBeGreaterThan(300);
      expect(box?.height ?? 0, `${id} height`).toBeGreaterThan(120);
    }
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(OUT, 'dashboard.png'), fullPage: true });
  });

  it('shows a tooltip with the ISO time and values on hover', async () => {
    const hit = page.locator('#panel-history .hit');
    await hit.scrollIntoViewIfNeeded();
    const box = (await hit.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const tooltip = page.locator('.tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/);
    expect(text).toContain('TFLOPS');
    // The crosshair shows in the other history-group panel too.
    expect(await page.locator('#panel-decomposition .cursor line').count()).toBe(1);
  });

  it('zooms the forecast panels together on drag and resets on double-click', async () => {
    const axisBefore = await page.locator('#panel-gpu-tiers .x-axis').innerHTML();
    const hit = page.locator('#panel-utilization .hit');
    await hit.scrollIntoViewIfNeeded();
    const box = (await hit.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    for (const id of ['panel-utilization', 'panel-gpu-tiers', 'panel-spike-probability', 'panel-scenarios']) {
      expect(await page.locator(`#${id}`).getAttribute('data-zoomed'), id).toBe('true');
      expect(await page.locator(`#${id} .zoom`).getAttribute('transform'), id).toMatch(
        /scale\((\d+\.\d+),1\)/,
      );
    }
    expect(await page.locator('#panel-gpu-tiers .x-axis').innerHTML()).not.toBe(axisBefore);
    expect(await page.locator('#panel-history').getAttribute('data-zoomed')).toBe('false');
    await page.screenshot({ path: join(OUT, 'dashboard-zoomed.png'), fullPage: true });
    await page.mouse.dblclick(box.x + box.width * 0.5, box.y + box.height / 2);
    expect(await page.locator('#panel-utilization').getAttribute('data-zoomed')).toBe('false');
    expect(errors).toEqual([]);
  });

  it('renders in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(17, 17, 19)');
    await page.screenshot({ path: join(OUT, 'dashboard-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
