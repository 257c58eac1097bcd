import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CdfError, CdfErrorCode } from '@cdf/core';
import { type DashboardDataInput, parseDashboardData } from './dashboard-data.ts';
import { buildPanels } from './dashboard-panels.ts';
import type { Panel } from './panels/panel.ts';
import { renderDashboard } from './render-dashboard.ts';
import { PALETTE, resolvePalette } from './svg/palette.ts';
import { escapeXml } from './svg/svg-text.ts';

/** Options of {@link renderDashboardImages}. */
export interface DashboardImageOptions {
  /** `svg` (no browser needed; works in slide decks, chat and browsers) or `png` (needs Chromium). */
  format: 'svg' | 'png';
  /** Folder to write into (created). Files are named after the panels: `panel-history.svg`. */
  outDir: string;
  /** Colour theme of the images. Default `light`. */
  theme?: 'light' | 'dark';
  /** PNG only: the Chromium binary. Default `/usr/bin/chromium` (or `CDF_CHROMIUM`). */
  chromiumPath?: string;
}

const HEADER = 52;

/**
 * One panel as a standalone SVG file: its title and subtitle above the chart, colours resolved
 * to hex (many viewers ignore CSS variables), a solid background, explicit pixel size.
 */
export function standalonePanelSvg(panel: Panel, theme: 'light' | 'dark' = 'light'): string {
  const open = /^<svg [^>]*viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"[^>]*>/.exec(panel.svg);
  if (!open) throw new CdfError(CdfErrorCode.InvalidValue, `panel ${panel.id} has no chart to export`);
  const width = Number(open[1]);
  const height = Number(open[2]);
  const body = panel.svg.slice(open[0].length, panel.svg.lastIndexOf('</svg>'));
  const colours = PALETTE[theme];
  const total = height + HEADER;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" ` +
    `style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;font-size:12px">` +
    `<title>${escapeXml(panel.title)}</title>` +
    `<rect width="100%" height="100%" style="fill:${colours.panel}"/>` +
    `<text x="16" y="24" style="fill:${colours.text};font-size:16px;font-weight:600">${escapeXml(panel.title)}</text>` +
    `<text x="16" y="42" style="fill:${colours.muted};font-size:12px">${escapeXml(panel.subtitle)}</text>` +
    `<g transform="translate(0,${HEADER})">${body}</g></svg>\n`;
  return resolvePalette(svg, theme);
}

/**
 * Write every dashboard panel as its own image into `outDir`, for slide decks and chat:
 * `panel-history.svg` ... (`format: 'svg'`, pure string work, works everywhere), or `.png`
 * screenshots of each panel of the rendered page in headless Chromium (`format: 'png'`; needs
 * Chromium and playwright-core). Returns the paths written, in panel order.
 * Throws CdfError WRITE_FAILED when the folder cannot be written or Chromium is missing.
 */
export async function renderDashboardImages(
  input: DashboardDataInput,
  options: DashboardImageOptions,
): Promise<string[]> {
  const data = parseDashboardData(input);
  const theme = options.theme ?? 'light';
  try {
    mkdirSync(options.outDir, { recursive: true });
  } catch (cause) {
    throw new CdfError(CdfErrorCode.WriteFailed, 'cannot create the image folder', {
      file: options.outDir,
      cause,
    });
  }
  const { plan, anomalies } = buildPanels(data);
  const panels = [...plan, ...anomalies];
  if (options.format === 'svg') {
    return panels.map((panel) => {
      const path = join(options.outDir, `${panel.id}.svg`);
      try {
        writeFileSync(path, standalonePanelSvg(panel, theme));
      } catch (cause) {
        throw new CdfError(CdfErrorCode.WriteFailed, 'cannot write an image', { file: path, cause });
      }
      return path;
    });
  }
  return screenshotPanels(renderDashboard(data), panels, options.outDir, theme, options.chromiumPath);
}

async function screenshotPanels(
  html: string,
  panels: readonly Panel[],
  outDir: string,
  theme: 'light' | 'dark',
  chromiumPath = process.env.CDF_CHROMIUM ?? '/usr/bin/chromium',
): Promise<string[]> {
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch (cause) {
    throw new CdfError(CdfErrorCode.WriteFailed, 'PNG images need playwright-core; use format "svg"', {
      cause,
    });
  }
  const work = mkdtempSync(join(tmpdir(), 'cdf-dashboard-png-'));
  try {
    const page = join(work, 'dashboard.html');
    writeFileSync(page, html);
    const context = await playwright.chromium
      .launchPersistentContext(join(work, 'profile'), {
        executablePath: chromiumPath,
        headless: true,
        viewport: { width: 1440, height: 1000 },
        deviceScaleFactor: 2,
        colorScheme: theme,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      })
      .catch((cause: unknown) => {
        throw new CdfError(
          CdfErrorCode.WriteFailed,
          `cannot start Chromium at ${chromiumPath}; use format "svg"`,
          { cause },
        );
      });
    try {
      const tab = await context.newPage();
      await tab.goto(`file://${page}`);
      await tab.waitForSelector('html[data-dashboard-ready="true"]');
      const paths: string[] = [];
      for (const panel of panels) {
        const path = join(outDir, `${panel.id}.png`);
        await tab.locator(`#${panel.id}`).screenshot({ path });
        paths.push(path);
      }
      return paths;
    } finally {
      await context.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
