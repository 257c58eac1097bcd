import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium; playwright-core never downloads a browser of its own here. */
export const CHROMIUM_PATH = process.env.CDF_CHROMIUM ?? '/usr/bin/chromium';

/** True when the system Chromium is installed. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** A running Chromium and the close that also removes its profile folder. */
export interface LaunchedChromium {
  context: BrowserContext;
  /** Close the browser, then remove the fresh profile folder it wrote. */
  close(): Promise<void>;
}

/** Launch the system Chromium headless, offline-minded, with a fresh profile folder. */
export async function launchChromium(): Promise<LaunchedChromium> {
  // playwright passes the fresh profile as --user-data-dir itself.
  const profile = mkdtempSync(join(tmpdir(), 'cdf-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    deviceScaleFactor: 1,
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
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
