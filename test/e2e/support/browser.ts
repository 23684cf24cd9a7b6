/**
 * Debian's Chromium through playwright-core (Playwright's own browser download is not reachable here),
 * and a page that records every page error and console error so a test can fail on them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './web-build';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENS_DIR = join(ROOT, 'test-results/screens');

const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A browser with an on-disk profile in `userDataDir`: IndexedDB on disk with the quota a normal window
 * has (a context of `launchChromium` is private: its IndexedDB lives in memory, under a smaller limit). */
export function launchPersistentChromium(userDataDir: string, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: ARGS, viewport });
}

export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far (a test expects it to stay empty). */
  errors: string[];
  /** Requests to anything but the app's own origin (the app must make none). */
  foreignRequests: string[];
  /** Requests to the app's own origin so far: proof the recorder hears the app at all. */
  ownRequests(): number;
  /** Saves test-results/screens/<name>.png: the 1280x800 viewport, or the whole page with `fullPage`. */
  screenshot(name: string, fullPage?: boolean): Promise<void>;
}

/** A fresh context (its own IndexedDB) at 1280x800. */
export async function openTrackedPage(browser: Browser, origin: string): Promise<TrackedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  let own = 0;
  // On the context, not the page: every page, popup and worker of the session is heard (issue 8).
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) foreignRequests.push(url);
    else own++;
  });
  mkdirSync(SCREENS_DIR, { recursive: true });
  return {
    context,
    page,
    errors,
    foreignRequests,
    ownRequests: () => own,
    screenshot: async (name, fullPage = false) => {
      const path = join(SCREENS_DIR, `${name}.png`);
      if (!fullPage) return void (await page.screenshot({ path }));
      // The app scrolls inside <main>, not the document: grow the viewport to the content, then restore.
      const height = await page.evaluate(() => (document.getElementById('main')?.scrollHeight ?? 0) + 60);
      await page.setViewportSize({ width: 1280, height: Math.max(800, Math.min(height, 6000)) });
      await page.screenshot({ path });
      await page.setViewportSize({ width: 1280, height: 800 });
    },
  };
}
